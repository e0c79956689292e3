// Seeds the demo catalog and demo accounts. Idempotent: categories and products are upserted by slug
// (the seed is the source of truth for their content); demo users are created when missing (existing users keep
// their data). Run directly with `tsx prisma/seed.ts`, so imports are relative.
import { pathToFileURL } from 'node:url';
import { loadEnvConfig } from '@next/env';
import { PrismaPg } from '@prisma/adapter-pg';
import { DEMO_ACCOUNTS } from '../lib/auth/demo-accounts';
import { hashPassword } from '../lib/auth/password-hash';
import { DEFAULT_DATABASE_URL, demoAccountsAllowed, parseEnv } from '../lib/env';
import { PrismaClient } from '../lib/db/generated/client';
import { categories, products } from './seed-data';

export type SeedOptions = {
  quiet?: boolean;
  /** Create the demo accounts (published passwords). By default: as DEMO_ACCOUNTS and NODE_ENV allow. */
  demoAccounts?: boolean;
};

export async function seedDatabase(databaseUrl: string, options: SeedOptions = {}): Promise<void> {
  const withDemoAccounts = options.demoAccounts ?? demoAccountsAllowed(parseEnv(process.env));
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  const log = options.quiet ? () => {} : (message: string) => console.log(message);
  try {
    const categoryIds = new Map<string, string>();
    for (const category of categories) {
      const saved = await db.category.upsert({
        where: { slug: category.slug },
        create: category,
        update: { name: category.name, description: category.description },
      });
      categoryIds.set(category.slug, saved.id);
    }

    for (const product of products) {
      const categoryId = categoryIds.get(product.category);
      if (!categoryId)
        throw new Error(`Seed product ${product.slug} names unknown category ${product.category}`);
      const fields = {
        name: product.name,
        description: product.description,
        priceCents: product.priceCents,
        currency: 'USD',
        stock: product.stock,
        featured: product.featured ?? false,
        imagePath: `/products/${product.slug}.svg`,
        categoryId,
        createdAt: new Date(`${product.addedOn}T12:00:00Z`),
      };
      await db.product.upsert({
        where: { slug: product.slug },
        create: { slug: product.slug, ...fields },
        update: fields,
      });
    }

    const demoUsers = withDemoAccounts ? DEMO_ACCOUNTS : [];
    if (!withDemoAccounts) {
      console.warn(
        'Demo accounts NOT created: their passwords are published. Set DEMO_ACCOUNTS=on to create them anyway.',
      );
    }
    for (const user of demoUsers) {
      const email = user.email.toLowerCase();
      // Existing accounts are left alone: a change of role, tier or ban belongs to lib/users (it also rewrites the
      // Redis record and the audit log), so the seed only creates what is missing.
      if (await db.user.findUnique({ where: { email }, select: { id: true } })) continue;
      // Hashing is slow on purpose (argon2id), so only new accounts pay for it.
      const passwordHash = await hashPassword(user.password);
      // A seed running at the same time (parallel test setups) may have just created it.
      await db.user.createMany({
        data: [{ email, name: user.name, role: user.role, passwordHash }],
        skipDuplicates: true,
      });
    }

    log(
      `Seeded ${categories.length} categories, ${products.length} products` +
        (demoUsers.length ? ` and the demo accounts ${demoUsers.map((user) => user.email).join(', ')}` : ''),
    );
  } finally {
    await db.$disconnect();
  }
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (runDirectly) {
  loadEnvConfig(process.cwd());
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  seedDatabase(databaseUrl).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

import { PrismaPg } from '@prisma/adapter-pg';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../lib/auth/demo-accounts';
import { PrismaClient } from '../lib/db/generated/client';
import { applyMigrations, ensureDatabase } from '../lib/db/migrate';
import { seedDatabase } from './seed';

// A database of its own: the shared test database already holds the demo accounts.
const name = `${new URL(process.env.DATABASE_URL as string).pathname.slice(1)}_seed_${process.env.TEST_RUN_ID}`;
const databaseUrl = Object.assign(new URL(process.env.DATABASE_URL as string), {
  pathname: `/${name}`,
}).toString();
const emails = DEMO_ACCOUNTS.map((account) => account.email);

async function demoUsersIn(url: string): Promise<string[]> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const users = await db.user.findMany({ where: { email: { in: emails } }, select: { email: true } });
    return users.map((user) => user.email).sort();
  } finally {
    await db.$disconnect();
  }
}

describe('seed', () => {
  beforeAll(async () => {
    await ensureDatabase(databaseUrl);
    await applyMigrations(databaseUrl);
  });
  afterAll(async () => {
    const admin = new Client({
      connectionString:
        process.env.TEST_DATABASE_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('refuses the demo accounts when told to, and creates them when allowed', async () => {
    await seedDatabase(databaseUrl, { quiet: true, demoAccounts: false });
    expect(await demoUsersIn(databaseUrl)).toEqual([]);
    await seedDatabase(databaseUrl, { quiet: true, demoAccounts: true });
    expect(await demoUsersIn(databaseUrl)).toEqual([...emails].sort());
  });
});

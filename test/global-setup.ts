import { applyMigrations, ensureDatabase } from '../lib/db/migrate';
import { seedDatabase } from '../prisma/seed';
import { deleteKeysWithPrefix } from '../scripts/redis-keys';
import { testEnvironment } from './env';

// Vitest's global setup: a migrated, seeded test database before the first test; after the last,
// the Redis keys this run wrote (its own prefix) are removed, and nothing else.

export async function setup(): Promise<void> {
  const env = testEnvironment('unit');
  const databaseUrl = env.DATABASE_URL as string;
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  await seedDatabase(databaseUrl, { quiet: true });
}

export async function teardown(): Promise<void> {
  const env = testEnvironment('unit');
  await deleteKeysWithPrefix(env.REDIS_URL as string, env.REDIS_KEY_PREFIX as string);
}

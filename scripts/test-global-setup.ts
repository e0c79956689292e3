import { Redis } from 'ioredis';
import { applyMigrations, ensureDatabase } from '../lib/db/migrate';
import { seedDatabase } from '../prisma/seed';
import { testEnvironment } from './test-env';

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

export async function deleteKeysWithPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

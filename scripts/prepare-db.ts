// Creates, migrates and seeds the database in DATABASE_URL (or the e2e test database with --e2e), moves carts
// kept under an older Redis key layout to today's keys, and rewrites sessions kept as hashes as strings. Run with
// --conditions=react-server: it uses the app's Redis client, which is server-only.
import { loadEnvConfig } from '@next/env';
import { applyMigrations, ensureDatabase } from '../lib/db/migrate';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, demoAccountsAllowed, parseEnv } from '../lib/env';
import { seedDatabase } from '../prisma/seed';
import { createRedis, redisConfigFromEnv } from '../lib/redis';
import { convertHashSessions, moveLegacyCarts } from './redis-keys';
import { assertServicesUp } from './services';
import { testEnvironment } from '../test/env';

async function main() {
  loadEnvConfig(process.cwd());
  const e2e = process.argv.includes('--e2e');
  const env = e2e ? testEnvironment('e2e') : process.env;
  const url = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  await assertServicesUp({ databaseUrl: url, redis: env.REDIS_URL ?? DEFAULT_REDIS_URL });
  await ensureDatabase(url);
  const applied = await applyMigrations(url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  const settings = parseEnv(env);
  await seedDatabase(url, { quiet: e2e, demoAccounts: demoAccountsAllowed(settings) });
  // REST and Cluster deployments never held the carts' old key layout.
  if (!settings.UPSTASH_REDIS_REST_URL && !settings.REDIS_CLUSTER_NODES.length) {
    const moved = await moveLegacyCarts(settings.REDIS_URL, settings.REDIS_KEY_PREFIX);
    if (moved) console.log(`Moved ${moved} carts to their Redis Cluster-ready keys.`);
  }
  const redis = createRedis(redisConfigFromEnv(settings));
  try {
    const converted = await convertHashSessions(redis, settings.REDIS_KEY_PREFIX);
    if (converted) console.log(`Rewrote ${converted} sessions kept as hashes as strings.`);
  } finally {
    await redis.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

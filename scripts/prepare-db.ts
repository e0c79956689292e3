// Creates, migrates and seeds the database in DATABASE_URL (or the e2e test database with --e2e). Redis keys of
// older layouts are not converted (docs/sessions.md#the-redis-layout).
import { loadEnvConfig } from '@next/env';
import { applyMigrations, ensureDatabase, prepareTestDatabase } from '../lib/db/migrate';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, demoAccountsAllowed, parseEnv } from '../lib/env';
import { seedDatabase } from '../prisma/seed';
import { assertServicesUp } from './services';
import { testEnvironment } from '../test/env';

async function main() {
  loadEnvConfig(process.cwd());
  const e2e = process.argv.includes('--e2e');
  const env = e2e ? testEnvironment('e2e') : process.env;
  const url = env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  await assertServicesUp({ databaseUrl: url, redis: env.REDIS_URL ?? DEFAULT_REDIS_URL });
  if (e2e) {
    await prepareTestDatabase(url);
  } else {
    await ensureDatabase(url);
    const applied = await applyMigrations(url);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  }
  const settings = parseEnv(env);
  await seedDatabase(url, { quiet: e2e, demoAccounts: demoAccountsAllowed(settings) });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

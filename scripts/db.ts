// Database tasks Prisma's native engine would do: `tsx scripts/db.ts migrate | new <name> | status`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvConfig } from '@next/env';
import { applyMigrations, ensureDatabase, MIGRATIONS_DIR, readMigrations } from '../lib/db/migrate';
import { diffSchemas, readSchema } from '../tools/schema-engine';
import { DEFAULT_DATABASE_URL } from '../lib/env';
import { assertServicesUp, redact } from './services';

loadEnvConfig(process.cwd());
const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;

async function migrate() {
  await assertServicesUp({ databaseUrl: url, redis: false });
  if (await ensureDatabase(url)) console.log(`Created database ${redact(url)}`);
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date.');
}

// Diffs schema.prisma as last committed against the working copy and writes the difference as a
// new migration; the drift test (lib/db/migrations.test.ts) proves the result matches the schema.
async function newMigration(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('Usage: npm run db:new -- <snake_case_name>');
  await assertServicesUp({ databaseUrl: url, redis: false });
  const committed = readMigrations().length
    ? execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { encoding: 'utf8' })
    : null;
  const server = new URL(url);
  server.pathname = '/postgres';
  const sql = await diffSchemas(server.toString(), committed, readSchema());
  if (!sql) {
    console.log('schema.prisma has not changed since the last commit; nothing to write.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), `${sql}\n`);
  console.log(`Wrote ${dir}/migration.sql`);
}

async function status() {
  const known = readMigrations().map((m) => m.name);
  console.log(`${known.length} migrations in prisma/migrations: ${known.join(', ')}`);
}

const [command, arg] = process.argv.slice(2);
const tasks: Record<string, () => Promise<void>> = {
  migrate,
  new: () => newMigration(arg),
  status,
};
const task = command ? tasks[command] : undefined;
if (!task) {
  console.error('Usage: tsx scripts/db.ts migrate | new <name> | status');
  process.exit(2);
}
task().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, PrismaClient } from './generated/client';
import {
  applyMigrations,
  dropDatabase,
  ensureDatabase,
  foreignMigrations,
  MIGRATIONS_DIR,
  prepareTestDatabase,
  readMigrations,
} from './migrate';
import { diffSchemas, readSchema } from '@/tools/schema-engine';

// The drift test: a database built by the committed migrations must be exactly the database that
// schema.prisma describes. If someone edits the schema and forgets `npm run db:new`, this fails.

const base = new URL(process.env.DATABASE_URL as string);
const suffix = randomBytes(4).toString('hex');
const databaseAt = (name: string) => {
  const url = new URL(base);
  url.pathname = `/${name}_${suffix}`;
  return url.toString();
};
const migratedUrl = databaseAt('drift_migrated');
const fromSchemaUrl = databaseAt('drift_schema');
const scratchUrl = databaseAt('drift_scratch');
const serverUrl = (() => {
  const url = new URL(base);
  url.pathname = '/postgres';
  return url.toString();
})();

// CHECK constraints that Prisma's schema language cannot express, added by hand-written migrations.
const SQL_ONLY_CHECKS = new Set(['Product_stock_not_negative']);
const named = (row: unknown) => String((row as { conname?: unknown }).conname);

// Everything Postgres knows about the public schema's shape, in a stable order.
async function describeDatabase(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const query = async (sql: string) => (await client.query(sql)).rows;
    return {
      columns: await query(`
        SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
               character_maximum_length, numeric_precision, datetime_precision
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`),
      enums: await query(`
        SELECT t.typname, e.enumlabel, e.enumsortorder
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`),
      indexes: await query(`
        SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
        ORDER BY tablename, indexname`),
      constraints: await query(`
        SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_prisma_migrations'
        ORDER BY 1, 2`),
    };
  } finally {
    await client.end();
  }
}

describe('committed migrations', () => {
  beforeAll(async () => {
    for (const url of [migratedUrl, fromSchemaUrl, scratchUrl]) await ensureDatabase(url);
    await applyMigrations(migratedUrl);
    const fullSchemaSql = await diffSchemas(serverUrl, null, readSchema());
    const client = new pg.Client({ connectionString: fromSchemaUrl });
    await client.connect();
    await client.query(fullSchemaSql);
    await client.end();
  });

  afterAll(async () => {
    for (const url of [migratedUrl, fromSchemaUrl, scratchUrl]) await dropDatabase(url);
  });

  it('build the same database as schema.prisma describes, plus the CHECK constraints it cannot express', async () => {
    const [migrated, described] = await Promise.all([
      describeDatabase(migratedUrl),
      describeDatabase(fromSchemaUrl),
    ]);
    expect(migrated.columns?.length).toBeGreaterThan(0);
    const checks = migrated.constraints?.filter((row) => SQL_ONLY_CHECKS.has(named(row))) ?? [];
    expect(checks).toEqual([
      { table_name: '"Product"', conname: 'Product_stock_not_negative', definition: 'CHECK ((stock >= 0))' },
    ]);
    expect({
      ...migrated,
      constraints: migrated.constraints?.filter((row) => !SQL_ONLY_CHECKS.has(named(row))),
    }).toEqual(described);
  });

  it('refuse negative stock', async () => {
    const client = new pg.Client({ connectionString: migratedUrl });
    await client.connect();
    // Rolled back at the end: the next test expects empty tables.
    await client.query('BEGIN');
    try {
      await client.query(
        `INSERT INTO "Category" ("id", "slug", "name", "description") VALUES ('c1', 'c1', 'C', 'C')`,
      );
      const insert = `INSERT INTO "Product" ("id", "slug", "name", "description", "priceCents", "stock", "imagePath",
        "categoryId", "updatedAt") VALUES ('p1', 'p1', 'P', 'P', 100, $1, '/p.svg', 'c1', now())`;
      await client.query('SAVEPOINT before_negative');
      await expect(client.query(insert, [-1])).rejects.toThrow(/Product_stock_not_negative/);
      await client.query('ROLLBACK TO SAVEPOINT before_negative');
      await client.query(insert, [0]);
      await expect(client.query(`UPDATE "Product" SET "stock" = "stock" - 1`)).rejects.toThrow(
        /Product_stock_not_negative/,
      );
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });

  it('let the generated client query every model', async () => {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: migratedUrl }) });
    try {
      for (const model of Object.values(Prisma.ModelName)) {
        const delegate = (client as unknown as Record<string, { findFirst: () => Promise<unknown> }>)[
          model.charAt(0).toLowerCase() + model.slice(1)
        ];
        await expect(delegate!.findFirst(), model).resolves.toBeNull();
      }
    } finally {
      await client.$disconnect();
    }
  });

  it('are recorded in _prisma_migrations as Prisma records them, and re-running applies nothing', async () => {
    const client = new pg.Client({ connectionString: migratedUrl });
    await client.connect();
    const { rows } = await client.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    await client.end();
    const committed = readMigrations();
    expect(rows.map((row) => [row.migration_name, row.checksum, row.applied_steps_count])).toEqual(
      committed.map((migration) => [migration.name, migration.checksum, 1]),
    );
    expect(rows.every((row) => row.finished_at instanceof Date)).toBe(true);
    expect(await applyMigrations(migratedUrl)).toEqual([]);
  });

  it('refuse a migration edited after it was applied, and roll back one that fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const [first] = readMigrations(dir);
    await applyMigrations(scratchUrl, readMigrations(dir));

    writeFileSync(join(dir, first!.name, 'migration.sql'), `${first!.sql}\n-- edited\n`);
    await expect(applyMigrations(scratchUrl, readMigrations(dir))).rejects.toThrow(
      /edited after it was applied/,
    );

    writeFileSync(join(dir, first!.name, 'migration.sql'), first!.sql);
    mkdirSync(join(dir, '99999999999999_broken'));
    writeFileSync(
      join(dir, '99999999999999_broken', 'migration.sql'),
      'CREATE TABLE "Half" (id int);\nSELECT * FROM "NoSuchTable";\n',
    );
    await expect(applyMigrations(scratchUrl, readMigrations(dir))).rejects.toThrow(
      /99999999999999_broken failed/,
    );
    const client = new pg.Client({ connectionString: scratchUrl });
    await client.connect();
    const half = await client.query(`SELECT to_regclass('public."Half"') AS table`);
    const recorded = await client.query(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '99999999999999_broken'`,
    );
    await client.end();
    expect(half.rows[0].table).toBeNull();
    expect(recorded.rowCount).toBe(0);
  });
});

describe('test databases', () => {
  it('are made anew when another checkout migrated them further, and kept otherwise', async () => {
    const url = databaseAt('foreign');
    const elsewhere = {
      name: '29991231000000_elsewhere',
      sql: 'CREATE TABLE "Elsewhere" (id int);',
      checksum: 'x',
    };
    const run = async (sql: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    };
    const hasTable = async (name: string) =>
      (await run(`SELECT to_regclass('"${name}"') AS name`))[0]?.name !== null;
    try {
      await ensureDatabase(url);
      await applyMigrations(url, [...readMigrations(), elsewhere]);
      expect(await foreignMigrations(url)).toEqual([elsewhere.name]);
      await prepareTestDatabase(url);
      expect(await foreignMigrations(url)).toEqual([]);
      expect(await hasTable('Elsewhere')).toBe(false);
      // Nothing foreign: the database and what the tests wrote into it stay.
      await run('CREATE TABLE "Kept" (id int)');
      await prepareTestDatabase(url);
      expect(await foreignMigrations(url)).toEqual([]);
      expect(await hasTable('Kept')).toBe(true);
    } finally {
      await dropDatabase(url);
    }
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';

// Prisma's schema engine compiled to WebAssembly: it diffs schemas without the native binary,
// which cannot be downloaded here. Dev and test tool only; the app never loads it.

export const SCHEMA_PATH = join(process.cwd(), 'prisma', 'schema.prisma');

let loaded: Promise<void> | undefined;

function loadEngine(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      './schema_engine_bg.js': engineBindings,
    });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  })();
  return loaded;
}

/**
 * The SQL that takes a database shaped by `fromSchema` (null: an empty database) to one shaped by `toSchema`.
 * Both are Prisma schema texts; no database is read (the engine's introspection through the pg adapter
 * cannot decode Postgres's "char" catalog columns), but it connects to `serverUrl` to learn the server.
 */
export async function diffSchemas(
  serverUrl: string,
  fromSchema: string | null,
  toSchema: string,
): Promise<string> {
  await loadEngine();
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: [['schema.prisma', toSchema]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: serverUrl })),
  );
  try {
    const result = await engine.diff({
      from:
        fromSchema === null
          ? { tag: 'empty' }
          : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: fromSchema }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: toSchema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return (result.stdout ?? '')
      .replace(/^-- This is an empty migration\.?\s*$/, '')
      .replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\s*/, '')
      .trim();
  } finally {
    engine.free();
  }
}

export function readSchema(path = SCHEMA_PATH): string {
  return readFileSync(path, 'utf8');
}

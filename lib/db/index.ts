import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { env } from '@/lib/env';
import { PrismaClient } from './generated/client';

function createPrismaClient() {
  return new PrismaClient({
    // pg waits for a connection forever by default; an unreachable database must answer 503 in seconds instead.
    adapter: new PrismaPg({
      connectionString: env.DATABASE_URL,
      connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
    }),
    // The hash leaves the database only where a query asks for it by name (login).
    omit: { user: { passwordHash: true } },
  });
}

type Db = ReturnType<typeof createPrismaClient>;

// One client per process; in development it survives hot reloads instead of opening a pool per edit.
const globalForDb = globalThis as unknown as { storefrontDb?: Db };

export const db: Db = globalForDb.storefrontDb ?? createPrismaClient();

if (env.NODE_ENV !== 'production') globalForDb.storefrontDb = db;

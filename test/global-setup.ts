import { prepareTestDatabase } from '../lib/db/migrate';
import { seedDatabase } from '../prisma/seed';
import { deleteKeysWithPrefix } from '../scripts/redis-keys';
import type { TestProject } from 'vitest/node';
import { testEnvironment } from './env';
import { startRedisCluster, type PrivateCluster } from './redis-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test Redis Cluster's nodes (REDIS_CLUSTER_NODES form), for the suites that run on it too. */
    redisClusterNodes: string;
  }
}

// Vitest's global setup: a migrated, seeded test database and a private 3-master Redis Cluster before the first test;
// after the last, the cluster is stopped and the Redis keys this run wrote on the shared server (its own prefix) are
// removed, and nothing else.

type Shared = { ready: Promise<PrivateCluster>; users: number };

// Vitest calls this once per project (unit, cluster) in the same process: the work is done once and shared, and the
// last teardown undoes it.
const shared = globalThis as unknown as { storefrontTestSetup?: Shared };

async function prepare(): Promise<PrivateCluster> {
  const env = testEnvironment('unit');
  const databaseUrl = env.DATABASE_URL as string;
  const started = startRedisCluster();
  await prepareTestDatabase(databaseUrl);
  await seedDatabase(databaseUrl, { quiet: true });
  return started;
}

export async function setup(project: TestProject): Promise<void> {
  shared.storefrontTestSetup ??= { ready: prepare(), users: 0 };
  shared.storefrontTestSetup.users += 1;
  project.provide('redisClusterNodes', (await shared.storefrontTestSetup.ready).nodeList);
}

export async function teardown(): Promise<void> {
  const current = shared.storefrontTestSetup;
  if (!current || --current.users > 0) return;
  shared.storefrontTestSetup = undefined;
  const env = testEnvironment('unit');
  await (await current.ready.catch(() => null))?.remove();
  await deleteKeysWithPrefix(env.REDIS_URL as string, env.REDIS_KEY_PREFIX as string);
}

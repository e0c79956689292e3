import 'server-only';
import { db } from '@/lib/db';
import { getRedis, type RedisPort } from '@/lib/redis';
import type { z } from 'zod';
import type { healthSchema } from './schema';

type Health = z.infer<typeof healthSchema>;
type ServiceState = Health['db'];

type Probes = { database: () => Promise<unknown>; redis: RedisPort };

const PROBE_TIMEOUT_MS = 2000;

// A probe that hangs counts as down: a health check must answer even when a service does not.
async function probe(check: () => Promise<unknown>): Promise<ServiceState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/** Whether PostgreSQL and Redis answer, checked at the same time. */
export async function checkHealth(
  probes: Probes = { database: () => db.$queryRaw`SELECT 1`, redis: getRedis() },
): Promise<Health> {
  const [database, redis] = await Promise.all([probe(probes.database), probe(() => probes.redis.ping())]);
  return { ok: database === 'up' && redis === 'up', db: database, redis };
}

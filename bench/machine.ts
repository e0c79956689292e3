import os from 'node:os';
import { Redis } from 'ioredis';
import { withDatabase } from './postgres';

// The machine a report was measured on, as every section of docs/benchmarks.md describes it.

export type Versions = { redis: string; postgres: string };

export const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');

/** The versions of the Redis and PostgreSQL servers at these addresses. */
export async function serviceVersions(redisUrl: string, databaseUrl: string): Promise<Versions> {
  const redis = new Redis(redisUrl);
  try {
    return {
      redis: /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? '?',
      postgres: await withDatabase(databaseUrl, async (client) => {
        const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
        return rows[0]?.server_version ?? '?';
      }),
    };
  } finally {
    redis.disconnect();
  }
}

/** The machine's bullet points: CPU, cores, memory, versions, when, and the load average at the start and now. */
export function machineLines(loadAtStart: string, versions: Versions | null): string[] {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    `- ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}${versions ? `, Redis ${versions.redis}, PostgreSQL ${versions.postgres}` : ''}; server, stores and load generator all on this machine, over loopback`,
    `- Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; load average (1 / 5 / 15 min) ${loadAtStart} at the start, ${loadAverage()} at the end. The cores are shared with other work: the higher the load, the lower every number, so compare ratios within this run.`,
  ];
}

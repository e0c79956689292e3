import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { createRedis, type RedisPort } from '@/lib/redis';
import type { ClusterNode } from '@/lib/redis/tcp';
import { startRestBridge, type RestBridge } from '@/tools/rest-bridge';

// Test helpers: every Redis-backed suite runs once per transport, REST through the bridge started in-process, and
// once on the private Redis Cluster the global setup starts (test/redis-cluster.ts), through the Cluster client.

export const TRANSPORTS = [['tcp'], ['rest'], ['cluster']] as const;
export type Transport = (typeof TRANSPORTS)[number][0];

/** Registers beforeAll/afterAll hooks in the calling describe block; call the result inside tests. */
export function useRedis(transport: Transport): () => RedisPort {
  let redis: RedisPort | undefined;
  let bridge: RestBridge | undefined;
  beforeAll(async () => {
    const redisUrl = process.env.REDIS_URL as string;
    if (transport === 'tcp') {
      redis = createRedis({ transport: 'tcp', url: redisUrl });
      return;
    }
    if (transport === 'cluster') {
      redis = createRedis({ transport: 'tcp', url: redisUrl, clusterNodes: clusterNodes() });
      return;
    }
    const token = randomBytes(24).toString('base64url');
    bridge = await startRestBridge({ redisUrl, token });
    redis = createRedis({ transport: 'rest', url: bridge.url, token });
  });
  afterAll(async () => {
    await redis?.close();
    await bridge?.close();
  });
  return () => {
    if (!redis) throw new Error('useRedis: the client exists only inside tests');
    return redis;
  };
}

/** A key prefix under this run's REDIS_KEY_PREFIX, unique to one suite. */
export function testPrefix(suite: string): string {
  const base = process.env.REDIS_KEY_PREFIX;
  if (!base) throw new Error('REDIS_KEY_PREFIX is not set: run the tests through vitest.');
  return `${base}${suite}:${randomBytes(4).toString('hex')}:`;
}

/** Every key under a prefix (SCAN, never KEYS), with escaping so the prefix matches literally. */
export async function keysUnder(redis: RedisPort, prefix: string): Promise<string[]> {
  const match = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
  const found: string[] = [];
  let cursor = '0';
  do {
    const page = await redis.scan(cursor, { match, count: 500 });
    found.push(...page.keys);
    cursor = page.cursor;
  } while (cursor !== '0');
  return found;
}

/** A client for a Redis that is not there (port 1 on loopback is closed), failing fast on either transport. */
export function unreachableRedis(transport: Transport): RedisPort {
  if (transport === 'rest')
    return createRedis({ transport: 'rest', url: 'http://127.0.0.1:1', token: 'unused' });
  return createRedis({
    transport: 'tcp',
    url: 'redis://127.0.0.1:1',
    ...(transport === 'cluster' ? { clusterNodes: [{ host: '127.0.0.1', port: 1 }] } : {}),
    connectTimeoutMs: 200,
    commandTimeoutMs: 200,
  });
}

/**
 * What Redis Cluster hashes a key by: the part between the first `{` and the next `}` when that is not empty, else
 * the whole key. Keys with the same hash tag share a slot.
 */
export function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  const close = open === -1 ? -1 : key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

/** The test cluster's nodes, as the Cluster client takes them. */
export function clusterNodes(): ClusterNode[] {
  return inject('redisClusterNodes')
    .split(',')
    .map((node) => ({ host: node.split(':')[0] as string, port: Number(node.split(':')[1]) }));
}

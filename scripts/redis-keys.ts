import { Redis } from 'ioredis';
import { cartKeys, guestCartKeyOfHash } from '../lib/cart/keys';
import type { RedisPort } from '../lib/redis';
import { encodeSession } from '../lib/session/record';

/** Deletes every key under `prefix` (SCAN, never KEYS), and nothing else: tests and benchmarks clean up after themselves. */
export async function deleteKeysWithPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

const LEGACY_CARTS: Array<[pattern: RegExp, newKey: (prefix: string, id: string) => string]> = [
  [/^cart:user:([^{}]+)$/, (prefix, userId) => cartKeys(prefix).user(userId)],
  [/^cart:guest:([0-9a-f]{64})$/, guestCartKeyOfHash],
];

/**
 * Moves the carts of the layout before Redis Cluster hash tags (`cart:user:<id>`, `cart:guest:<hash>`) to their keys
 * of today, on a single Redis node (a cluster never held the old layout). A cart already at its new key stays, and
 * the old one with it. Idempotent; returns how many carts moved. Old sessions are not moved: their cookies no longer
 * open (they sign out cleanly) and their keys run out by their TTL.
 */
export async function moveLegacyCarts(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  let moved = 0;
  try {
    const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}cart:*`;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      for (const key of keys) {
        const name = key.slice(prefix.length);
        for (const [legacy, newKey] of LEGACY_CARTS) {
          const id = legacy.exec(name)?.[1];
          if (id) moved += await redis.renamenx(key, newKey(prefix, id));
        }
      }
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return moved;
}

/**
 * Rewrites the sessions kept as hashes (before a session was one string, lib/session/record.ts) as strings with the
 * TTL they had left, so nobody is signed out by the upgrade. Run before the app starts: a hash is read, then replaced
 * in one MULTI. Works on every transport (SCAN walks each Cluster master). Idempotent; returns how many it rewrote.
 */
export async function convertHashSessions(redis: RedisPort, prefix: string): Promise<number> {
  const match = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}session:*`;
  let converted = 0;
  let cursor = '0';
  do {
    const page = await redis.scan(cursor, { match, count: 500 });
    for (const key of page.keys) {
      const [type, ttl] = await redis.pipeline([
        ['TYPE', key],
        ['PTTL', key],
      ]);
      if (type !== 'hash' || typeof ttl !== 'number' || ttl <= 0) continue;
      const fields = await redis.hgetall(key);
      const times = [fields.createdAt, fields.lastSeenAt, fields.expiresAt].map(Number);
      const [createdAt, lastSeenAt, expiresAt] = times as [number, number, number];
      // A hash that is not a whole session (or that expired meanwhile) is left to its TTL.
      if (!fields.id || !times.every(Number.isSafeInteger)) continue;
      const value = encodeSession({
        localId: fields.id,
        createdAt,
        lastSeenAt,
        expiresAt,
        persistent: fields.persistent !== '0',
        ip: fields.ip ?? null,
        device: fields.device ?? null,
      });
      await redis.multi([
        ['DEL', key],
        ['SET', key, value, 'PX', ttl],
      ]);
      converted += 1;
    }
    cursor = page.cursor;
  } while (cursor !== '0');
  return converted;
}

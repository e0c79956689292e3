import { afterAll, describe, expect, it } from 'vitest';
import { cartKeys, hashGuestId } from '@/lib/cart/keys';
import { createRedis } from '@/lib/redis';
import { parseToken, sessionKeys } from '@/lib/session/keys';
import { createSessionStore } from '@/lib/session/store';
import { makeSessionUser } from '@/test/session-user';
import { keysUnder, testPrefix, TRANSPORTS, useRedis } from '@/test/redis';
import { convertHashSessions, moveLegacyCarts } from './redis-keys';

describe('moving carts of the old key layout', () => {
  const redisUrl = process.env.REDIS_URL as string;
  const redis = createRedis({ transport: 'tcp', url: redisUrl });
  const prefix = testPrefix('legacy-carts');
  const keys = cartKeys(prefix);
  afterAll(() => redis.close());

  it('renames user and guest carts to their hash-tagged keys once, keeping a cart already there', async () => {
    await redis.hset(`${prefix}cart:user:cmuser1`, { p1: '2' });
    await redis.hset(`${prefix}cart:guest:${hashGuestId('guest-1')}`, { p2: '1' });
    await redis.hset(`${prefix}cart:user:cmuser2`, { old: '1' });
    await redis.hset(keys.user('cmuser2'), { current: '3' });

    expect(await moveLegacyCarts(redisUrl, prefix)).toBe(2);
    expect(await redis.hgetall(keys.user('cmuser1'))).toEqual({ p1: '2' });
    expect(await redis.hgetall(keys.guest('guest-1'))).toEqual({ p2: '1' });
    expect(await redis.hgetall(keys.user('cmuser2'))).toEqual({ current: '3' });
    expect(await moveLegacyCarts(redisUrl, prefix)).toBe(0);
    expect((await keysUnder(redis, prefix)).sort()).toEqual(
      [
        keys.user('cmuser1'),
        keys.guest('guest-1'),
        keys.user('cmuser2'),
        `${prefix}cart:user:cmuser2`,
      ].sort(),
    );
  });
});

describe.each(TRANSPORTS)('rewriting sessions kept as hashes, over %s', (transport) => {
  const redis = useRedis(transport);
  const prefix = testPrefix(`hash-sessions-${transport}`);
  const keys = sessionKeys(prefix);
  const store = () =>
    createSessionStore({
      redis: redis(),
      prefix,
      idleSeconds: 600,
      browserIdleSeconds: 300,
      absoluteSeconds: 3600,
      touchSeconds: 60,
    });

  /** A session as the layout before strings kept it: a hash of its fields, its TTL left as it was. */
  async function storeAsHash(token: string, fields: Record<string, string>): Promise<string> {
    const parts = parseToken(token);
    if (!parts) throw new Error('not a token');
    const key = keys.session(parts.userId, parts.tokenHash);
    const ttl = await redis().pttl(key);
    await redis().del(key);
    await redis().hset(key, fields);
    await redis().pexpire(key, ttl);
    return key;
  }

  it('keeps every session signed in, with its fields and its TTL, once', async () => {
    const { token, session } = await store().createSession(makeSessionUser(), {
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
    });
    const browser = await store().createSession(makeSessionUser(), {
      ip: null,
      userAgent: null,
      persistent: false,
    });
    const key = await storeAsHash(token, {
      id: session.id.split('.')[1] as string,
      createdAt: String(session.createdAt),
      lastSeenAt: String(session.lastSeenAt),
      expiresAt: String(session.expiresAt),
      ip: '203.0.113.7',
      device: 'Firefox 133 on Linux',
      persistent: '1',
    });
    // Sessions from before "Keep me signed in" have no `persistent` field: they were persistent.
    await storeAsHash(browser.token, {
      id: browser.session.id.split('.')[1] as string,
      createdAt: String(browser.session.createdAt),
      lastSeenAt: String(browser.session.lastSeenAt),
      expiresAt: String(browser.session.expiresAt),
    });
    const ttl = await redis().pttl(key);
    expect(await store().readSession(token)).toBeNull();

    expect(await convertHashSessions(redis(), prefix)).toBe(2);
    expect((await store().readSession(token))?.session).toEqual(session);
    expect((await store().readSession(browser.token))?.session).toMatchObject({ persistent: true, ip: null });
    expect(await redis().pttl(key)).toBeLessThanOrEqual(ttl);
    expect(await redis().pttl(key)).toBeGreaterThan(ttl - 10_000);
    expect(await convertHashSessions(redis(), prefix)).toBe(0);
  });

  it('leaves a hash that is not a whole session to its TTL', async () => {
    const key = keys.session(makeSessionUser().id, 'not-a-session');
    await redis().hset(key, { createdAt: 'soon' });
    await redis().pexpire(key, 60_000);
    expect(await convertHashSessions(redis(), prefix)).toBe(0);
    expect(await redis().hgetall(key)).toEqual({ createdAt: 'soon' });
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRedis, RedisUnavailableError } from '@/lib/redis';
import { keysUnder, testPrefix, TRANSPORTS, useRedis } from '@/lib/redis/testing';
import { createRateLimiter } from './index';

const LIMIT = 3;
const WINDOW = 900;
const uniqueId = () => `shopper-${randomBytes(6).toString('hex')}@example.test`;

describe.each(TRANSPORTS)('rate limiter over %s', (transport) => {
  const redis = useRedis(transport);
  const prefix = testPrefix(`rate-limit-${transport}`);

  function setup() {
    const clock = { now: Date.now() };
    const limiter = createRateLimiter({
      redis: redis(),
      prefix,
      name: 'login',
      limit: LIMIT,
      windowSeconds: WINDOW,
      now: () => clock.now,
    });
    return { limiter, clock, start: clock.now };
  }

  it('allows failures up to the limit, then limits until the window ends', async () => {
    const { limiter } = setup();
    const id = uniqueId();
    expect(await limiter.check(id)).toEqual({ limited: false, retryAfterSeconds: 0, remaining: LIMIT });
    expect(await limiter.hit(id)).toEqual({ limited: false, retryAfterSeconds: 0, remaining: 2 });
    expect(await limiter.hit(id)).toEqual({ limited: false, retryAfterSeconds: 0, remaining: 1 });
    expect(await limiter.check(id)).toEqual({ limited: false, retryAfterSeconds: 0, remaining: 1 });
    expect(await limiter.hit(id)).toEqual({ limited: true, retryAfterSeconds: WINDOW, remaining: 0 });
    expect(await limiter.check(id)).toEqual({ limited: true, retryAfterSeconds: WINDOW, remaining: 0 });
  });

  it('counts the window from the first failure and opens again when it ends', async () => {
    const { limiter, clock, start } = setup();
    const id = uniqueId();
    await limiter.hit(id);
    clock.now = start + 600_000;
    await limiter.hit(id);
    await limiter.hit(id);
    expect(await limiter.check(id)).toMatchObject({ limited: true, retryAfterSeconds: WINDOW - 600 });
    clock.now = start + WINDOW * 1000;
    expect(await limiter.check(id)).toEqual({ limited: false, retryAfterSeconds: 0, remaining: LIMIT });
    expect(await limiter.hit(id)).toEqual({ limited: false, retryAfterSeconds: 0, remaining: LIMIT - 1 });
  });

  it('keeps identifiers apart and resets one', async () => {
    const { limiter } = setup();
    const [a, b] = [uniqueId(), uniqueId()];
    for (let i = 0; i < LIMIT; i++) await limiter.hit(a);
    await limiter.hit(b);
    expect((await limiter.check(a)).limited).toBe(true);
    expect(await limiter.check(b)).toMatchObject({ limited: false, remaining: LIMIT - 1 });
    await limiter.reset(a);
    expect(await limiter.check(a)).toEqual({ limited: false, retryAfterSeconds: 0, remaining: LIMIT });
  });

  it('hashes identifiers into keys that expire', async () => {
    const ownPrefix = `${prefix}keys:`;
    const limiter = createRateLimiter({
      redis: redis(),
      prefix: ownPrefix,
      name: 'login',
      limit: LIMIT,
      windowSeconds: WINDOW,
    });
    const id = uniqueId();
    await limiter.hit(id);
    const [key, ...others] = await keysUnder(redis(), ownPrefix);
    expect(others).toEqual([]);
    expect(key).toMatch(new RegExp(`^${ownPrefix}rate:login:[0-9a-f]{64}$`));
    expect(key).not.toContain(id);
    expect(await redis().pttl(key as string)).toBeGreaterThan(0);
  });

  it('rejects when Redis is down, so the caller can fail closed', async () => {
    const dead =
      transport === 'tcp'
        ? createRedis({
            transport: 'tcp',
            url: 'redis://127.0.0.1:1',
            connectTimeoutMs: 200,
            commandTimeoutMs: 200,
          })
        : createRedis({ transport: 'rest', url: 'http://127.0.0.1:1', token: 'unused' });
    const limiter = createRateLimiter({
      redis: dead,
      prefix,
      name: 'login',
      limit: LIMIT,
      windowSeconds: WINDOW,
    });
    try {
      await expect(limiter.check(uniqueId())).rejects.toBeInstanceOf(RedisUnavailableError);
      await expect(limiter.hit(uniqueId())).rejects.toBeInstanceOf(RedisUnavailableError);
    } finally {
      await dead.close();
    }
  });

  it('refuses names that would not make clean keys', () => {
    expect(() =>
      createRateLimiter({ redis: redis(), prefix, name: 'Login:*', limit: 1, windowSeconds: 1 }),
    ).toThrow();
  });
});

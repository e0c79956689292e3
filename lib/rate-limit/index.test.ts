import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RedisUnavailableError } from '@/lib/redis';
import { keysUnder, testPrefix, TRANSPORTS, unreachableRedis, useRedis } from '@/test/redis';
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

  const allowed = (remaining: number) => ({ limited: false, retryAfterSeconds: 0, remaining });

  it('counts attempts up to the limit, then refuses without counting until the window ends', async () => {
    const { limiter } = setup();
    const id = uniqueId();
    expect(await limiter.consume(id)).toEqual(allowed(2));
    expect(await limiter.consume(id)).toEqual(allowed(1));
    expect(await limiter.consume(id)).toEqual(allowed(0));
    expect(await limiter.consume(id)).toEqual({ limited: true, retryAfterSeconds: WINDOW, remaining: 0 });
    expect(await limiter.consume(id)).toEqual({ limited: true, retryAfterSeconds: WINDOW, remaining: 0 });
  });

  it('lets no more than the limit through a burst of parallel attempts', async () => {
    const { limiter } = setup();
    const id = uniqueId();
    const results = await Promise.all(Array.from({ length: 12 }, () => limiter.consume(id)));
    expect(results.filter((result) => !result.limited)).toHaveLength(LIMIT);
  });

  it('counts the window from the first attempt and opens again when it ends', async () => {
    const { limiter, clock, start } = setup();
    const id = uniqueId();
    await limiter.consume(id);
    clock.now = start + 600_000;
    await limiter.consume(id);
    await limiter.consume(id);
    expect(await limiter.consume(id)).toMatchObject({ limited: true, retryAfterSeconds: WINDOW - 600 });
    clock.now = start + WINDOW * 1000;
    expect(await limiter.consume(id)).toEqual(allowed(LIMIT - 1));
  });

  it('gives an attempt back on refund, never below zero', async () => {
    const { limiter } = setup();
    const id = uniqueId();
    await limiter.refund(id);
    for (let i = 0; i < LIMIT; i++) await limiter.consume(id);
    await limiter.refund(id);
    expect(await limiter.consume(id)).toEqual(allowed(0));
    expect((await limiter.consume(id)).limited).toBe(true);
  });

  it('keeps identifiers apart and resets one', async () => {
    const { limiter } = setup();
    const [a, b] = [uniqueId(), uniqueId()];
    for (let i = 0; i < LIMIT; i++) await limiter.consume(a);
    await limiter.consume(b);
    expect((await limiter.consume(a)).limited).toBe(true);
    expect(await limiter.consume(b)).toEqual(allowed(LIMIT - 2));
    await limiter.reset(a);
    expect(await limiter.consume(a)).toEqual(allowed(LIMIT - 1));
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
    await limiter.consume(id);
    const [key, ...others] = await keysUnder(redis(), ownPrefix);
    expect(others).toEqual([]);
    expect(key).toMatch(new RegExp(`^${ownPrefix}rate:login:[0-9a-f]{64}$`));
    expect(key).not.toContain(id);
    expect(await redis().pttl(key as string)).toBeGreaterThan(0);
  });

  it('rejects when Redis is down, so the caller can fail closed', async () => {
    const dead = unreachableRedis(transport);
    const limiter = createRateLimiter({
      redis: dead,
      prefix,
      name: 'login',
      limit: LIMIT,
      windowSeconds: WINDOW,
    });
    try {
      await expect(limiter.consume(uniqueId())).rejects.toBeInstanceOf(RedisUnavailableError);
      await expect(limiter.refund(uniqueId())).rejects.toBeInstanceOf(RedisUnavailableError);
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

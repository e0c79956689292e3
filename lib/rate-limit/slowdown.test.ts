import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keysUnder, testPrefix, TRANSPORTS, useRedis } from '@/test/redis';
import { createSlowdown, slowdownDelayMs } from './slowdown';

const OPTIONS = { freeHits: 3, firstDelayMs: 250, maxDelayMs: 2_000 };

describe('slowdownDelayMs', () => {
  it('is free up to the allowance, then doubles from the first delay up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((count) => slowdownDelayMs(count, OPTIONS))).toEqual([
      0, 0, 0, 250, 500, 1_000, 2_000, 2_000, 2_000,
    ]);
  });
});

describe.each(TRANSPORTS)('slowdown over %s', (transport) => {
  const redis = useRedis(transport);
  const prefix = testPrefix(`slowdown-${transport}`);

  it('counts hits in a window, never refuses, and starts over when the window ends', async () => {
    const clock = { now: Date.now() };
    const slowdown = createSlowdown({
      redis: redis(),
      prefix,
      name: 'register',
      windowSeconds: 60,
      now: () => clock.now,
      ...OPTIONS,
    });
    const id = randomBytes(6).toString('hex');
    const delays = [];
    for (let i = 0; i < 6; i += 1) delays.push((await slowdown.hit(id)).delayMs);
    expect(delays).toEqual([0, 0, 0, 250, 500, 1_000]);
    clock.now += 60_000;
    expect(await slowdown.hit(id)).toEqual({ count: 1, delayMs: 0 });
    const keys = await keysUnder(redis(), prefix);
    expect(keys).toHaveLength(1);
    expect(await redis().pttl(keys[0] as string)).toBeGreaterThan(0);
  });

  it('counts every hit of a parallel burst', async () => {
    const slowdown = createSlowdown({ redis: redis(), prefix, name: 'burst', windowSeconds: 60, ...OPTIONS });
    const id = randomBytes(6).toString('hex');
    const results = await Promise.all(Array.from({ length: 10 }, () => slowdown.hit(id)));
    expect(results.map((result) => result.count).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { cartKeys, hashGuestId } from '@/lib/cart/keys';
import { createRedis } from '@/lib/redis';
import { keysUnder, testPrefix } from '@/test/redis';
import { moveLegacyCarts } from './redis-keys';

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

import { describe, expect, it } from 'vitest';
import { keysUnder, testPrefix, TRANSPORTS, useRedis } from '@/test/redis';
import { createDenyList } from './denylist';
import { LAB_JWT_MAX_AGE_SECONDS } from './jwt';

describe.each(TRANSPORTS)('lab deny-list over %s', (transport) => {
  const redis = useRedis(transport);

  it('denies a user until allowed again, each entry expiring with the longest JWT', async () => {
    const prefix = testPrefix('lab-deny');
    const list = createDenyList({ redis: redis(), prefix });
    expect(await list.isDenied('user-1')).toBe(false);
    await list.deny('user-1');
    expect(await list.isDenied('user-1')).toBe(true);
    expect(await list.isDenied('user-2')).toBe(false);
    const [key] = await keysUnder(redis(), prefix);
    const ttl = await redis().pttl(key as string);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(LAB_JWT_MAX_AGE_SECONDS * 1000);
    await list.allow('user-1');
    expect(await list.isDenied('user-1')).toBe(false);
  });
});

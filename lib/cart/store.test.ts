import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keysUnder, testPrefix, TRANSPORTS, useRedis } from '@/test/redis';
import { cartKeys, type CartOwner } from './keys';
import { createCartStore, GUEST_CART_TTL_SECONDS, USER_CART_TTL_SECONDS } from './store';

const id = (label: string) => `${label}-${randomBytes(6).toString('hex')}`;

describe.each(TRANSPORTS)('cart store over %s', (transport) => {
  const redis = useRedis(transport);
  const prefix = testPrefix(`cart-${transport}`);
  const keys = cartKeys(prefix);
  const store = () => createCartStore({ redis: redis(), prefix });
  const user = (): CartOwner => ({ kind: 'user', userId: id('user') });
  const guest = (): CartOwner & { kind: 'guest' } => ({ kind: 'guest', guestId: id('guest') });

  it('loses no quantity when many adds to one line run in parallel', async () => {
    const owner = user();
    const results = await Promise.all(
      Array.from({ length: 40 }, () => store().add(owner, 'product-a', 2, 1000)),
    );
    expect(results.every((result) => result.added)).toBe(true);
    expect((await store().read(owner)).get('product-a')).toBe(80);
  });

  it('never lets parallel adds take a line past its limit, and refuses without writing', async () => {
    const owner = user();
    const results = await Promise.all(Array.from({ length: 10 }, () => store().add(owner, 'scarce', 1, 3)));
    expect(results.filter((result) => result.added)).toHaveLength(3);
    expect(results.find((result) => !result.added)).toEqual({ added: false, quantity: 3 });
    expect((await store().read(owner)).get('scarce')).toBe(3);
  });

  it('keeps parallel changes to different lines of one cart', async () => {
    const owner = guest();
    await Promise.all(
      Array.from({ length: 12 }, (_, index) => store().add(owner, `line-${index % 4}`, 1, 99)),
    );
    const lines = await store().read(owner);
    expect([...lines.values()]).toEqual([3, 3, 3, 3]);
  });

  it('sets and removes a line', async () => {
    const owner = user();
    await store().add(owner, 'p1', 1, 99);
    await store().add(owner, 'p2', 1, 99);
    await store().set(owner, 'p1', 7);
    await store().set(owner, 'p2', 0);
    expect(Object.fromEntries(await store().read(owner))).toEqual({ p1: 7 });
  });

  it('expires guest carts after 7 idle days and user carts after 30, renewed on use', async () => {
    const guestOwner = guest();
    const userOwner = user();
    await store().add(guestOwner, 'p', 1, 99);
    await store().add(userOwner, 'p', 1, 99);
    const guestTtl = await redis().pttl(keys.guest(guestOwner.guestId));
    const userTtl = await redis().pttl(keys.user((userOwner as { userId: string }).userId));
    expect(guestTtl).toBeGreaterThan((GUEST_CART_TTL_SECONDS - 60) * 1000);
    expect(guestTtl).toBeLessThanOrEqual(GUEST_CART_TTL_SECONDS * 1000);
    expect(userTtl).toBeGreaterThan((USER_CART_TTL_SECONDS - 60) * 1000);

    await redis().pexpire(keys.guest(guestOwner.guestId), 5_000);
    await store().read(guestOwner);
    expect(await redis().pttl(keys.guest(guestOwner.guestId))).toBeGreaterThan(5_000);
  });

  it('is gone once its TTL runs out', async () => {
    const short = createCartStore({ redis: redis(), prefix, guestTtlSeconds: 1 });
    const owner = guest();
    await short.add(owner, 'p', 2, 99);
    await redis().pexpire(keys.guest(owner.guestId), 30);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await short.read(owner)).size).toBe(0);
  });

  it('stores only the hash of a guest id', async () => {
    const owner = guest();
    await store().add(owner, 'p', 1, 99);
    const written = await keysUnder(redis(), `${prefix}cart:guest:`);
    expect(written).toContain(keys.guest(owner.guestId));
    expect(written.join('\n')).not.toContain(owner.guestId);
  });

  const capsFrom = (caps: Record<string, number>) => async () => new Map(Object.entries(caps));

  it('merges a guest cart: quantities added, capped, zero-stock lines dropped, guest cart gone', async () => {
    const from = guest();
    const userId = id('user');
    const to: CartOwner = { kind: 'user', userId };
    await store().add(from, 'plenty', 2, 99);
    await store().add(from, 'scarce', 4, 99);
    await store().add(from, 'sold-out', 1, 99);
    await store().add(from, 'fresh', 1, 99);
    await store().add(to, 'scarce', 3, 99);
    await store().add(to, 'plenty', 1, 99);

    const asked: string[][] = [];
    const merged = await store().mergeGuest(from.guestId, userId, async (lines) => {
      asked.push([...lines.keys()].sort());
      return capsFrom({ plenty: 50, scarce: 5, 'sold-out': 0, fresh: 9 })();
    });
    expect(merged).toBe(3);
    expect(asked).toEqual([['fresh', 'plenty', 'scarce', 'sold-out']]);
    expect(Object.fromEntries(await store().read(to))).toEqual({ plenty: 3, scarce: 5, fresh: 1 });
    expect(await redis().pttl(keys.guest(from.guestId))).toBe(-2);
    expect(await redis().pttl(keys.merging(from.guestId))).toBe(-2);
    expect(await redis().pttl(keys.user(userId))).toBeGreaterThan((USER_CART_TTL_SECONDS - 60) * 1000);
    expect(await store().mergeGuest(from.guestId, userId, capsFrom({}))).toBe(0);
  });

  it('finishes a merge that failed after freezing the guest cart, at the next try', async () => {
    const from = guest();
    const userId = id('user');
    await store().add(from, 'p', 2, 99);
    await expect(
      store().mergeGuest(from.guestId, userId, async () => {
        throw new Error('database away');
      }),
    ).rejects.toThrow('database away');
    expect((await store().read({ kind: 'user', userId })).size).toBe(0);
    expect(await store().mergeGuest(from.guestId, userId, capsFrom({ p: 99 }))).toBe(1);
    expect(Object.fromEntries(await store().read({ kind: 'user', userId }))).toEqual({ p: 2 });
  });

  it('never counts a line twice when a merge is repeated after it was applied', async () => {
    const from = guest();
    const userId = id('user');
    await store().add(from, 'p', 2, 99);
    // The frozen copy's delete fails once, as if the process stopped right after the merge was applied.
    let failDelete = true;
    const flaky = new Proxy(redis(), {
      get(target, property, receiver) {
        if (property === 'del' && failDelete) {
          return async () => {
            failDelete = false;
            throw new Error('connection lost');
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const flakyStore = createCartStore({ redis: flaky, prefix });
    await expect(flakyStore.mergeGuest(from.guestId, userId, capsFrom({ p: 99 }))).rejects.toThrow();
    expect(await store().mergeGuest(from.guestId, userId, capsFrom({ p: 99 }))).toBe(0);
    expect(Object.fromEntries(await store().read({ kind: 'user', userId }))).toEqual({ p: 2 });
    expect(await redis().pttl(keys.merging(from.guestId))).toBe(-2);
  });

  it('counts a guest cart once when two sign-ins merge it at the same time', async () => {
    const from = guest();
    const userId = id('user');
    await store().add(from, 'p', 3, 99);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => store().mergeGuest(from.guestId, userId, capsFrom({ p: 99 }))),
    );
    expect(results.reduce((sum, merged) => sum + merged, 0)).toBe(1);
    expect(Object.fromEntries(await store().read({ kind: 'user', userId }))).toEqual({ p: 3 });
  });
});

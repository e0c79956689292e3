import { describe, expect, it } from 'vitest';
import { createBoundedCache, memoizeBounded } from './memo';

describe('bounded caches', () => {
  it('keep what was used within the last max insertions', () => {
    const cache = createBoundedCache<number>(3);
    for (const [key, value] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      cache.set(key, value);
    // 'a' is used, so it moves to the younger generation; 'b' and 'c' are not.
    expect(cache.get('a')).toBe(1);
    cache.set('d', 4);
    cache.set('e', 5);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBeUndefined();
    expect([cache.get('a'), cache.get('d'), cache.get('e')]).toEqual([1, 4, 5]);
  });

  it('hold no more than twice max entries however many are set', () => {
    const max = 3;
    const cache = createBoundedCache<number>(max);
    const keys = Array.from({ length: 10 * max }, (_, index) => `k${index}`);
    keys.forEach((key, index) => cache.set(key, index));
    // A hit can only push entries out, never bring one back, so the hits bound what is held from below.
    const held = keys.toReversed().filter((key) => cache.get(key) !== undefined);
    expect(held.length).toBeLessThanOrEqual(2 * max);
    expect(held).toEqual(keys.slice(-held.length).toReversed());
    expect(held.length).toBeGreaterThanOrEqual(max - 1);
  });

  it('memoize: computes once per argument, null included, and freezes what it shares', () => {
    const calls: string[] = [];
    const parse = memoizeBounded((key) => {
      calls.push(key);
      return key === 'none' ? null : { key };
    }, 2);
    expect(parse('a')).toEqual({ key: 'a' });
    expect(parse('a')).toBe(parse('a'));
    expect(parse('none')).toBeNull();
    expect(parse('none')).toBeNull();
    expect(calls).toEqual(['a', 'none']);
    expect(Object.isFrozen(parse('a'))).toBe(true);
    for (const key of ['b', 'c', 'd', 'e']) parse(key);
    parse('a');
    expect(calls).toEqual(['a', 'none', 'b', 'c', 'd', 'e', 'a']);
  });
});

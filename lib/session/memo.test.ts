import { describe, expect, it } from 'vitest';
import { createBoundedCache, memoizeBounded } from './memo';

describe('bounded caches', () => {
  it('keep what was used within the last max insertions, and no more than twice max', () => {
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

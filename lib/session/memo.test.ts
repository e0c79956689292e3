import { describe, expect, it } from 'vitest';
import { memoizeBounded } from './memo';

describe('memoizeBounded', () => {
  it('computes once per argument, keeps at most max, and freezes what it shares', () => {
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
    parse('b');
    parse('a');
    // 'a' was the oldest of three: computed again.
    expect(calls).toEqual(['a', 'none', 'b', 'a']);
  });
});

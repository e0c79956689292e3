/**
 * Remembers a pure function's results by their string argument, at most `max` of them, the oldest first out. For the
 * per-request parsing of what a session check reads: the same token and the same user record come back on every
 * request of a session, and their parsed forms are fixed by the string alone. Results are frozen: they are shared.
 */
export function memoizeBounded<T>(compute: (key: string) => T, max: number): (key: string) => T {
  const remembered = new Map<string, T>();
  return (key) => {
    if (remembered.has(key)) return remembered.get(key) as T;
    const value = compute(key);
    if (value !== null && typeof value === 'object') Object.freeze(value);
    remembered.set(key, value);
    if (remembered.size > max) remembered.delete(remembered.keys().next().value as string);
    return value;
  };
}

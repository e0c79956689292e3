import { createServer, type Server, type Socket } from 'node:net';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createRedis, defineScript, RedisUnavailableError } from '@/lib/redis';
import { RedisCommandError } from './errors';
import { keysUnder, testPrefix, TRANSPORTS, unreachableRedis, useRedis } from '@/test/redis';

const SECRET = 'session-secret-value-7f3a9c';

function everythingAbout(error: unknown): string {
  return `${String(error)} ${inspect(error, { depth: 10, showHidden: true })} ${JSON.stringify(error)}`;
}

describe.each(TRANSPORTS)('Redis port over %s', (transport) => {
  const redis = useRedis(transport);
  const prefix = testPrefix(`redis-${transport}`);
  let counter = 0;
  // One hash tag for every key here, so commands over several keys stay in one slot on Redis Cluster.
  const key = (name: string) => `${prefix}{port}:${name}:${++counter}`;

  it('answers PING', async () => {
    await expect(redis().ping()).resolves.toBeUndefined();
  });

  it('returns stored values byte for byte, as strings', async () => {
    const values = [
      '123',
      '0012',
      'OK',
      'T0s=',
      '',
      'null',
      'true',
      '{"a":1}',
      '1e3',
      'héllo ✓ 🎉',
      ' padded ',
      'a\nb',
    ];
    for (const value of values) {
      const k = key('bytes');
      await redis().set(k, value, { pxMs: 60_000 });
      expect(await redis().get(k)).toBe(value);
    }
    expect(await redis().get(key('missing'))).toBeNull();
  });

  it('sets with PX and NX', async () => {
    const k = key('px');
    expect(await redis().set(k, 'first', { pxMs: 60_000, nx: true })).toBe(true);
    expect(await redis().set(k, 'second', { pxMs: 60_000, nx: true })).toBe(false);
    expect(await redis().get(k)).toBe('first');
    expect(await redis().pttl(k)).toBeGreaterThan(0);
  });

  it('sets with XX only a key that exists', async () => {
    const k = key('xx');
    expect(await redis().set(k, 'first', { pxMs: 60_000, xx: true })).toBe(false);
    expect(await redis().get(k)).toBeNull();
    await redis().set(k, 'first', { pxMs: 60_000 });
    expect(await redis().set(k, 'second', { pxMs: 60_000, xx: true })).toBe(true);
    expect(await redis().get(k)).toBe('second');
  });

  it('reads several keys with MGET, null for a missing key and for one that holds no string', async () => {
    const [text, hash, missing] = [key('mget'), key('mget'), key('mget')];
    await redis().set(text, 'héllo', { pxMs: 60_000 });
    await redis().hset(hash, { field: '1' });
    await redis().pexpire(hash, 60_000);
    expect(await redis().mget(text, hash, missing)).toEqual(['héllo', null, null]);
  });

  it('counts with INCR and sets an expiry once with PEXPIRE NX', async () => {
    const k = key('incr');
    expect(await redis().incr(k)).toBe(1);
    expect(await redis().incr(k)).toBe(2);
    expect(await redis().pexpire(k, 60_000, 'NX')).toBe(true);
    expect(await redis().pexpire(k, 120_000, 'NX')).toBe(false);
    expect(await redis().pexpire(k, 60_000)).toBe(true);
    expect(await redis().get(k)).toBe('2');
  });

  it('deletes with DEL and UNLINK', async () => {
    const [a, b] = [key('del'), key('del')];
    await redis().set(a, '1', { pxMs: 60_000 });
    await redis().set(b, '1', { pxMs: 60_000 });
    expect(await redis().del(a, key('never-set'))).toBe(1);
    expect(await redis().unlink(b)).toBe(1);
    expect(await redis().get(a)).toBeNull();
    expect(await redis().get(b)).toBeNull();
  });

  it('writes and reads hashes', async () => {
    const k = key('hash');
    expect(await redis().hset(k, { zip: '0012', count: '7', empty: '' })).toBe(3);
    await redis().pexpire(k, 60_000);
    expect(await redis().hgetall(k)).toEqual({ zip: '0012', count: '7', empty: '' });
    expect(await redis().hgetall(key('missing'))).toEqual({});
  });

  it('keeps sorted sets by score', async () => {
    const k = key('zset');
    await redis().zadd(k, 30, 'c');
    await redis().zadd(k, 10, 'a');
    await redis().zadd(k, 20, 'b');
    await redis().pexpire(k, 60_000);
    expect(await redis().zrangebyscore(k, '-inf', '+inf')).toEqual(['a', 'b', 'c']);
    expect(await redis().zrangebyscore(k, 15, 25)).toEqual(['b']);
    expect(await redis().zremrangebyscore(k, '-inf', 10)).toBe(1);
    expect(await redis().zrem(k, 'c', 'nope')).toBe(1);
    expect(await redis().zrangebyscore(k, '-inf', '+inf')).toEqual(['b']);
  });

  it('runs a pipeline in one round trip, in order, with typed replies', async () => {
    const [k, n, h] = [key('pipe'), key('pipe-n'), key('pipe-h')];
    const replies = await redis().pipeline([
      ['SET', k, '0012', 'PX', 60_000],
      ['GET', k],
      ['INCR', n],
      ['PEXPIRE', n, 60_000],
      ['GET', n],
      ['GET', key('missing')],
      ['HSET', h, 'a', '1'],
      ['PEXPIRE', h, 60_000],
    ]);
    expect(replies).toEqual(['OK', '0012', 1, 1, '1', null, 1, 1]);
  });

  it('runs MULTI/EXEC atomically and returns each reply', async () => {
    const n = key('multi');
    expect(
      await redis().multi([
        ['INCR', n],
        ['INCR', n],
        ['PEXPIRE', n, 60_000],
        ['GET', n],
      ]),
    ).toEqual([1, 2, 1, '2']);
  });

  it('evaluates scripts by SHA and loads them on NOSCRIPT', async () => {
    // A script no one has loaded yet: the first call meets NOSCRIPT and must fall back to EVAL.
    const script = defineScript(
      `-- ${prefix}${counter}\nreturn {KEYS[1], ARGV[1], tonumber(ARGV[2]) + 1, {ARGV[1]}, false}`,
    );
    // EVALSHA itself asks, rather than SCRIPT EXISTS: on Redis Cluster only the node of the key's slot is asked.
    const k = key('script');
    await expect(redis().pipeline([['EVALSHA', script.sha1, 1, k, 'y', 1]])).rejects.toThrow(/NOSCRIPT/);
    expect(await redis().evalScript(script, [k], ['0012', 41])).toEqual([k, '0012', 42, ['0012'], null]);
    const [after] = await redis().pipeline([['EVALSHA', script.sha1, 1, k, 'y', 1]]);
    expect(after).toEqual([k, 'y', 2, ['y'], null]);
    expect(await redis().evalScript(script, [k], ['x', 1])).toEqual([k, 'x', 2, ['x'], null]);
  });

  it('finds keys with SCAN, on every node of a cluster', async () => {
    const scanPrefix = `${prefix}scan-${++counter}:`;
    // Twelve hash tags land in different slots, and so on every master of the test cluster.
    const written = Array.from({ length: 12 }, (_, i) => `${scanPrefix}{tag-${i}}`);
    for (const k of written) await redis().set(k, '1', { pxMs: 60_000 });
    expect((await keysUnder(redis(), scanPrefix)).sort()).toEqual(written.sort());
  });

  it('answers a command over keys of several slots as a command error, not as Redis being away', async () => {
    const [first, second] = [`${prefix}{one}:${++counter}`, `${prefix}{two}:${counter}`];
    const reply = await redis()
      .del(first, second)
      .catch((caught: unknown) => caught);
    if (transport === 'cluster') expect(reply).toBeInstanceOf(RedisCommandError);
    else expect(reply).toBe(0);
    expect(redis().available()).toBe(true);
  });

  it('reports Redis errors without the arguments of the command', async () => {
    const k = key('wrongtype');
    await redis().set(k, SECRET, { pxMs: 60_000 });
    const error = await redis()
      .hset(k, { field: SECRET })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RedisCommandError);
    expect((error as RedisCommandError).reply).toMatch(/^WRONGTYPE/);
    expect(everythingAbout(error)).not.toContain(SECRET);
    expect(everythingAbout(error)).not.toContain(k);
    expect(everythingAbout(error)).not.toMatch(/command was/i);
  });

  it('redacts arguments Redis itself echoes, in single commands and pipelines', async () => {
    const single = await redis()
      .evalScript(defineScript('return redis.call("NOSUCHCOMMAND", ARGV[1])'), [], [SECRET])
      .catch((caught: unknown) => caught);
    expect(single).toBeInstanceOf(RedisCommandError);
    expect(everythingAbout(single)).not.toContain(SECRET);

    const piped = await redis()
      .pipeline([
        ['GET', key('fine')],
        ['NOSUCHCOMMAND', SECRET],
      ])
      .catch((caught: unknown) => caught);
    expect(piped).toBeInstanceOf(RedisCommandError);
    expect((piped as RedisCommandError).command).toBe('NOSUCHCOMMAND');
    expect(everythingAbout(piped)).not.toContain(SECRET);

    const transaction = await redis()
      .multi([
        ['SET', key('tx'), SECRET],
        ['NOSUCHCOMMAND', SECRET],
      ])
      .catch((caught: unknown) => caught);
    expect(transaction).toBeInstanceOf(RedisCommandError);
    expect(everythingAbout(transaction)).not.toContain(SECRET);
  });

  it('fails fast, without arguments in the error, when Redis is unreachable', async () => {
    const dead = unreachableRedis(transport);
    try {
      const error = await dead.get(`${prefix}${SECRET}`).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RedisUnavailableError);
      expect(everythingAbout(error)).not.toContain(SECRET);
    } finally {
      await dead.close();
    }
  });

  it('fails instead of hanging when Redis accepts connections but never answers', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const hung =
      transport === 'rest'
        ? createRedis({
            transport: 'rest',
            url: `http://127.0.0.1:${port}`,
            token: 'unused',
            timeoutMs: 200,
          })
        : createRedis({
            transport: 'tcp',
            url: `redis://127.0.0.1:${port}`,
            ...(transport === 'cluster' ? { clusterNodes: [{ host: '127.0.0.1', port }] } : {}),
            connectTimeoutMs: 200,
            commandTimeoutMs: 200,
          });
    try {
      await expect(hung.get(`${prefix}${SECRET}`)).rejects.toBeInstanceOf(RedisUnavailableError);
    } finally {
      await hung.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

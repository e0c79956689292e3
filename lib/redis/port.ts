import { createHash } from 'node:crypto';
import { commandName, RedisCommandError, RedisUnavailableError, type RedisArg } from './errors';

export type { RedisArg } from './errors';

/** A Redis reply as both transports deliver it: bulk/status strings, integers, nil, nested arrays. */
export type RedisReply = string | number | null | RedisReply[];
export type RedisCommand = readonly [name: string, ...args: RedisArg[]];

/** A Lua script with its SHA-1 computed once, so calls send EVALSHA and only fall back to EVAL on NOSCRIPT. */
export type RedisScript = { readonly source: string; readonly sha1: string };

export function defineScript(source: string): RedisScript {
  return { source, sha1: createHash('sha1').update(source).digest('hex') };
}

/** What an adapter provides: one command, a pipeline, a transaction, each one round trip. */
export interface RedisTransport {
  readonly name: 'tcp' | 'rest';
  send(command: RedisCommand): Promise<RedisReply>;
  /** Per-command results in order; an error reply comes back as a RedisCommandError in its slot. */
  sendPipeline(commands: readonly RedisCommand[]): Promise<(RedisReply | RedisCommandError)[]>;
  sendMulti(commands: readonly RedisCommand[]): Promise<(RedisReply | RedisCommandError)[]>;
  close(): Promise<void>;
}

/** The commands the app uses. Keys are passed through as given: callers build them with `redisKey`. */
export interface RedisPort {
  readonly transport: 'tcp' | 'rest';
  get(key: string): Promise<string | null>;
  /** One value per key, null where a key is missing or holds no string. On Redis Cluster: keys of one hash slot. */
  mget(...keys: string[]): Promise<(string | null)[]>;
  /** False when NX (the key exists) or XX (it does not) stopped it. */
  set(key: string, value: string, options?: { pxMs?: number; nx?: boolean; xx?: boolean }): Promise<boolean>;
  del(...keys: string[]): Promise<number>;
  unlink(...keys: string[]): Promise<number>;
  pexpire(key: string, ms: number, mode?: 'NX' | 'XX' | 'GT' | 'LT'): Promise<boolean>;
  pttl(key: string): Promise<number>;
  incr(key: string): Promise<number>;
  hset(key: string, fields: Record<string, string>): Promise<number>;
  hgetall(key: string): Promise<Record<string, string>>;
  zadd(key: string, score: number, member: string): Promise<number>;
  zrangebyscore(key: string, min: number | string, max: number | string): Promise<string[]>;
  zremrangebyscore(key: string, min: number | string, max: number | string): Promise<number>;
  zrem(key: string, ...members: string[]): Promise<number>;
  scan(
    cursor: string,
    options: { match: string; count?: number },
  ): Promise<{ cursor: string; keys: string[] }>;
  ping(): Promise<void>;
  /**
   * False while the last command found Redis unreachable or silent: commands then fail at once instead of each
   * waiting out a timeout, and a background PING every `probeIntervalMs` closes the gap when Redis answers again.
   */
  available(): boolean;
  /** PUBLISH; the number of subscribers that received it. Works on both transports; subscribing needs TCP. */
  publish(channel: string, message: string): Promise<number>;
  /** EVALSHA, and EVAL once when the server does not have the script cached (NOSCRIPT). */
  evalScript(script: RedisScript, keys: readonly string[], args: readonly RedisArg[]): Promise<RedisReply>;
  /** Commands in one round trip, not atomic; rejects with the first error reply after all have run. */
  pipeline(commands: readonly RedisCommand[]): Promise<RedisReply[]>;
  /** MULTI/EXEC in one round trip: atomic; rejects with the first error reply. */
  multi(commands: readonly RedisCommand[]): Promise<RedisReply[]>;
  close(): Promise<void>;
}

function asString(reply: RedisReply, command: string): string {
  if (typeof reply !== 'string') throw new TypeError(`Redis ${command}: expected a string reply`);
  return reply;
}

function asNullableString(reply: RedisReply, command: string): string | null {
  return reply === null ? null : asString(reply, command);
}

function asNumber(reply: RedisReply, command: string): number {
  if (typeof reply !== 'number') throw new TypeError(`Redis ${command}: expected an integer reply`);
  return reply;
}

function asStrings(reply: RedisReply, command: string): string[] {
  if (!Array.isArray(reply)) throw new TypeError(`Redis ${command}: expected an array reply`);
  return reply.map((item) => asString(item, command));
}

function throwFirstError(results: (RedisReply | RedisCommandError)[]): RedisReply[] {
  const failed = results.find((result) => result instanceof RedisCommandError);
  if (failed) throw failed;
  return results as RedisReply[];
}

export type PortOptions = {
  /** How often a port that lost Redis sends a PING to find it again. */
  probeIntervalMs?: number;
};

/**
 * A circuit breaker in front of the transport. A dead or frozen Redis otherwise costs every request a full
 * timeout, and the commands waiting on it pile up; once one command has found Redis away, the rest fail fast
 * (callers fail closed) and one PING at a time looks for it, so the app recovers by itself when it is back.
 */
function guard(transport: RedisTransport, probeIntervalMs: number) {
  let down = false;
  let probe: ReturnType<typeof setTimeout> | undefined;

  // The first probe goes at once, so a timeout that was only a stalled event loop closes the gap in one round trip.
  const scheduleProbe = (delayMs: number) => {
    probe = setTimeout(() => {
      transport.send(['PING']).then(
        () => {
          down = false;
          probe = undefined;
        },
        () => scheduleProbe(probeIntervalMs),
      );
    }, delayMs);
    // A probe alone must not keep a process (a test, a server shutting down) alive.
    probe.unref?.();
  };

  async function run<T>(name: string, call: () => Promise<T>): Promise<T> {
    if (down)
      throw new RedisUnavailableError(name, 'Redis did not answer recently; retrying in the background');
    try {
      return await call();
    } catch (error) {
      if (error instanceof RedisUnavailableError && !down) {
        down = true;
        scheduleProbe(0);
      }
      throw error;
    }
  }

  return {
    available: () => !down,
    send: (command: RedisCommand) => run(commandName(command), () => transport.send(command)),
    sendPipeline: (commands: readonly RedisCommand[]) =>
      run('PIPELINE', () => transport.sendPipeline(commands)),
    sendMulti: (commands: readonly RedisCommand[]) => run('MULTI', () => transport.sendMulti(commands)),
    close: () => {
      clearTimeout(probe);
      return transport.close();
    },
  };
}

export function createPort(raw: RedisTransport, options: PortOptions = {}): RedisPort {
  const transport = guard(raw, options.probeIntervalMs ?? 500);
  const send = (...command: RedisCommand) => transport.send(command);
  return {
    transport: raw.name,
    get: async (key) => asNullableString(await send('GET', key), 'GET'),
    mget: async (...keys) => {
      const reply = await send('MGET', ...keys);
      if (!Array.isArray(reply)) throw new TypeError('Redis MGET: expected an array reply');
      return reply.map((item) => asNullableString(item, 'MGET'));
    },
    set: async (key, value, options = {}) => {
      const extra: RedisArg[] = [];
      if (options.pxMs !== undefined) extra.push('PX', options.pxMs);
      if (options.nx) extra.push('NX');
      if (options.xx) extra.push('XX');
      // SET answers OK, or nil when NX or XX stopped it.
      return (await send('SET', key, value, ...extra)) !== null;
    },
    del: async (...keys) => asNumber(await send('DEL', ...keys), 'DEL'),
    unlink: async (...keys) => asNumber(await send('UNLINK', ...keys), 'UNLINK'),
    pexpire: async (key, ms, mode) => {
      const reply = mode ? await send('PEXPIRE', key, ms, mode) : await send('PEXPIRE', key, ms);
      return asNumber(reply, 'PEXPIRE') === 1;
    },
    pttl: async (key) => asNumber(await send('PTTL', key), 'PTTL'),
    incr: async (key) => asNumber(await send('INCR', key), 'INCR'),
    hset: async (key, fields) => asNumber(await send('HSET', key, ...Object.entries(fields).flat()), 'HSET'),
    hgetall: async (key) => {
      const flat = asStrings(await send('HGETALL', key), 'HGETALL');
      const record: Record<string, string> = {};
      for (let i = 0; i + 1 < flat.length; i += 2) record[flat[i] as string] = flat[i + 1] as string;
      return record;
    },
    zadd: async (key, score, member) => asNumber(await send('ZADD', key, score, member), 'ZADD'),
    zrangebyscore: async (key, min, max) =>
      asStrings(await send('ZRANGEBYSCORE', key, min, max), 'ZRANGEBYSCORE'),
    zremrangebyscore: async (key, min, max) =>
      asNumber(await send('ZREMRANGEBYSCORE', key, min, max), 'ZREMRANGEBYSCORE'),
    zrem: async (key, ...members) => asNumber(await send('ZREM', key, ...members), 'ZREM'),
    scan: async (cursor, { match, count = 100 }) => {
      const reply = await send('SCAN', cursor, 'MATCH', match, 'COUNT', count);
      if (!Array.isArray(reply) || reply.length !== 2) throw new TypeError('Redis SCAN: unexpected reply');
      return {
        cursor: asString(reply[0] as RedisReply, 'SCAN'),
        keys: asStrings(reply[1] as RedisReply, 'SCAN'),
      };
    },
    ping: async () => {
      asString(await send('PING'), 'PING');
    },
    available: () => transport.available(),
    publish: async (channel, message) => asNumber(await send('PUBLISH', channel, message), 'PUBLISH'),
    evalScript: async (script, keys, args) => {
      try {
        return await send('EVALSHA', script.sha1, keys.length, ...keys, ...args);
      } catch (error) {
        if (!(error instanceof RedisCommandError) || !error.reply.startsWith('NOSCRIPT')) throw error;
        // EVAL also caches the script on the server, so the next call's EVALSHA hits.
        return send('EVAL', script.source, keys.length, ...keys, ...args);
      }
    },
    pipeline: async (commands) => throwFirstError(await transport.sendPipeline(commands)),
    multi: async (commands) => throwFirstError(await transport.sendMulti(commands)),
    close: () => transport.close(),
  };
}

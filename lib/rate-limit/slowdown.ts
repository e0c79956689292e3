import 'server-only';
import { createHash } from 'node:crypto';
import { defineScript, keyPrefix, type RedisPort } from '@/lib/redis';

// A progressive slowdown instead of a lock, for where no client can be told apart (no known client IP): a hit
// counts within a fixed window; past `freeHits`, each further hit waits twice as long as the last, up to a cap.
// Nobody is ever refused, so an attacker cannot switch it on to shut anyone out; a burst only gets slower.

type SlowdownOptions = {
  redis: RedisPort;
  prefix?: string;
  /** Part of the key: lowercase letters, digits and dashes. */
  name: string;
  freeHits: number;
  windowSeconds: number;
  firstDelayMs: number;
  maxDelayMs: number;
  now?: () => number;
};

export type Slowdown = {
  /** Counts one hit and says how long the caller should wait before doing the work. */
  hit(id: string): Promise<{ count: number; delayMs: number }>;
};

/** KEYS[1] counter hash {start, count}. ARGV: now, windowMs. Returns the count after this hit. */
const HIT = defineScript(`
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local start = tonumber(redis.call('HGET', KEYS[1], 'start'))
if not start or now >= start + window then
  redis.call('HSET', KEYS[1], 'start', ARGV[1], 'count', 1)
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return redis.call('HINCRBY', KEYS[1], 'count', 1)
`);

export function slowdownDelayMs(
  count: number,
  options: Pick<SlowdownOptions, 'freeHits' | 'firstDelayMs' | 'maxDelayMs'>,
): number {
  const over = count - options.freeHits;
  if (over <= 0) return 0;
  return Math.min(options.maxDelayMs, options.firstDelayMs * 2 ** Math.min(over - 1, 30));
}

export function createSlowdown(options: SlowdownOptions): Slowdown {
  const { redis, name } = options;
  if (!/^[a-z0-9-]+$/.test(name))
    throw new Error(`Slowdown name "${name}" must be lowercase letters, digits, dashes.`);
  const windowMs = options.windowSeconds * 1000;
  const now = options.now ?? Date.now;
  const prefix = keyPrefix(options.prefix);
  const key = (id: string) => `${prefix}slow:${name}:${createHash('sha256').update(id).digest('hex')}`;
  return {
    async hit(id) {
      const count = Number(await redis.evalScript(HIT, [key(id)], [now(), windowMs]));
      if (!Number.isFinite(count)) throw new Error(`Slowdown ${name}: unexpected reply from Redis`);
      return { count, delayMs: slowdownDelayMs(count, options) };
    },
  };
}

export function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

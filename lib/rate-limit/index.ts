import 'server-only';
import { createHash } from 'node:crypto';
import { defineScript, keyPrefix, type RedisPort, type RedisReply } from '@/lib/redis';

// A failure counter per identifier with a fixed window that starts at the first failure, so a burst across a
// clock boundary gets no second allowance. The window start is stored (and `now` passed in), not left to
// Redis's clock, so tests can inject time; the key's TTL only cleans up. If Redis is down every call
// rejects: the caller fails closed.

export type RateLimitState = { limited: boolean; retryAfterSeconds: number; remaining: number };
export type RateLimiterOptions = {
  redis: RedisPort;
  prefix?: string;
  /** Part of the key: lowercase letters, digits and dashes. */
  name: string;
  limit: number;
  windowSeconds: number;
  now?: () => number;
};
export type RateLimiter = {
  /** One round trip; reads only. */
  check(id: string): Promise<RateLimitState>;
  /** Counts one failure; one round trip. Returns the state after it. */
  hit(id: string): Promise<RateLimitState>;
  reset(id: string): Promise<void>;
};

/** KEYS[1] counter hash {start, count}. ARGV: now, windowMs. Returns {start, count} after counting one. */
const HIT = defineScript(`
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local stored = redis.call('HGET', KEYS[1], 'start')
local start = tonumber(stored)
if not start or now >= start + window then
  redis.call('HSET', KEYS[1], 'start', ARGV[1], 'count', 1)
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {ARGV[1], 1}
end
return {stored, redis.call('HINCRBY', KEYS[1], 'count', 1)}
`);

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { redis, limit, name } = options;
  if (!/^[a-z0-9-]+$/.test(name))
    throw new Error(`Rate limiter name "${name}" must be lowercase letters, digits, dashes.`);
  if (!(Number.isInteger(limit) && limit > 0 && options.windowSeconds > 0)) {
    throw new Error('A rate limiter needs a positive integer limit and a positive window.');
  }
  const windowMs = options.windowSeconds * 1000;
  const now = options.now ?? Date.now;
  const prefix = keyPrefix(options.prefix);
  // Identifiers (emails, IPs) are hashed: keys stay short and Redis holds no list of who tried.
  const key = (id: string) => `${prefix}rate:${name}:${createHash('sha256').update(id).digest('hex')}`;

  function state(start: RedisReply | undefined, count: RedisReply | undefined, at: number): RateLimitState {
    const startedAt = typeof start === 'string' ? Number(start) : NaN;
    const failures = typeof count === 'number' ? count : Number(count ?? 0);
    if (!Number.isFinite(startedAt) || at >= startedAt + windowMs || !Number.isFinite(failures)) {
      return { limited: false, retryAfterSeconds: 0, remaining: limit };
    }
    const limited = failures >= limit;
    return {
      limited,
      retryAfterSeconds: limited ? Math.ceil((startedAt + windowMs - at) / 1000) : 0,
      remaining: Math.max(0, limit - failures),
    };
  }

  return {
    async check(id) {
      const at = now();
      const { start, count } = await redis.hgetall(key(id));
      return state(start, count, at);
    },
    async hit(id) {
      const at = now();
      const reply = await redis.evalScript(HIT, [key(id)], [at, windowMs]);
      const [start, count] = Array.isArray(reply) ? reply : [];
      return state(start, count, at);
    },
    async reset(id) {
      await redis.del(key(id));
    },
  };
}

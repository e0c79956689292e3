import 'server-only';
import { createHash } from 'node:crypto';
import { AppError } from '@/lib/http/errors';
import { defineScript, keyPrefix, type RedisPort } from '@/lib/redis';

// An attempt counter per identifier with a fixed window that starts at the first attempt, so a burst across a
// clock boundary gets no second allowance. An attempt is counted before the work it guards (consume), in the same
// atomic step that decides whether it may go ahead, so parallel requests cannot all pass a check made before any
// of them counted; an attempt that turns out fine is given back (refund) or clears the count (reset). The window
// start is stored (and `now` passed in), not left to Redis's clock, so tests can inject time; the key's TTL only
// cleans up. If Redis is down every call rejects: the caller fails closed.

export type RateLimitState = { limited: boolean; retryAfterSeconds: number; remaining: number };
type RateLimiterOptions = {
  redis: RedisPort;
  prefix?: string;
  /** Part of the key: lowercase letters, digits and dashes. */
  name: string;
  limit: number;
  windowSeconds: number;
  now?: () => number;
};
export type RateLimiter = {
  /** Counts one attempt unless the limit is reached; `limited` means this attempt was refused and not counted. */
  consume(id: string): Promise<RateLimitState>;
  /** Gives back one counted attempt. */
  refund(id: string): Promise<void>;
  reset(id: string): Promise<void>;
};

/**
 * KEYS[1] counter hash {start, count}. ARGV: now, windowMs, limit.
 * Returns {start, count, counted}: counted is 1 when this attempt was counted, 0 when the limit refused it.
 */
const CONSUME = defineScript(`
local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local stored = redis.call('HGET', KEYS[1], 'start')
local start = tonumber(stored)
if not start or now >= start + window then
  redis.call('HSET', KEYS[1], 'start', ARGV[1], 'count', 1)
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {ARGV[1], 1, 1}
end
local count = tonumber(redis.call('HGET', KEYS[1], 'count')) or 0
if count >= limit then return {stored, count, 0} end
return {stored, redis.call('HINCRBY', KEYS[1], 'count', 1), 1}
`);

/** KEYS[1] counter hash. Takes one attempt back, never below zero, and only from a window that still exists. */
const REFUND = defineScript(`
local count = tonumber(redis.call('HGET', KEYS[1], 'count'))
if count and count > 0 then redis.call('HINCRBY', KEYS[1], 'count', -1) end
return 0
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

  return {
    async consume(id) {
      const at = now();
      const reply = await redis.evalScript(CONSUME, [key(id)], [at, windowMs, limit]);
      const [start, count, counted] = Array.isArray(reply) ? reply : [];
      const startedAt = Number(start);
      const attempts = Number(count);
      if (!Number.isFinite(startedAt) || !Number.isFinite(attempts)) {
        throw new Error(`Rate limiter ${name}: unexpected reply from Redis`);
      }
      const limited = Number(counted) === 0;
      return {
        limited,
        retryAfterSeconds: limited ? Math.max(1, Math.ceil((startedAt + windowMs - at) / 1000)) : 0,
        remaining: Math.max(0, limit - attempts),
      };
    },
    async refund(id) {
      await redis.evalScript(REFUND, [key(id)], []);
    },
    async reset(id) {
      await redis.del(key(id));
    },
  };
}

/** The 429 for an attempt a limit refused: the error shape with Retry-After, and when to try again in words. */
export function rateLimitedError(what: string, retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const minutes = Math.ceil(seconds / 60);
  return new AppError('rate_limited', `${what} Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
    headers: { 'Retry-After': String(seconds) },
    details: { retryAfterSeconds: seconds },
  });
}

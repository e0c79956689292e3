import 'server-only';
import { createHash } from 'node:crypto';
import { env } from '@/lib/env';
import { createRateLimiter, type RateLimiter } from '@/lib/rate-limit';
import { createSlowdown, type Slowdown } from '@/lib/rate-limit/slowdown';
import { getRedis, type RedisPort } from '@/lib/redis';

// Failed sign-ins are counted twice: per account (a guesser on one email) and per client IP (one client trying many
// emails). An IP can stand for a whole office behind NAT, so it gets a larger allowance than a single account.
// The per-account count has two kinds of budget: one for each browser the account has signed in from (its device
// cookie), and one shared by every other browser, so a guesser can exhaust only the second. Without a known
// client IP (lib/http/client-ip.ts) there is no per-client limit; failures then slow down progressively instead.
export const IP_FAILURE_FACTOR = 10;

export type LoginLimiters = {
  account: RateLimiter;
  device: RateLimiter;
  ip: RateLimiter;
  failureBurst: Slowdown;
};

export function createLoginLimiters(redis: RedisPort = getRedis()): LoginLimiters {
  return {
    account: createRateLimiter({
      redis,
      name: 'login-account',
      limit: env.LOGIN_MAX_FAILURES,
      windowSeconds: env.LOGIN_WINDOW_SECONDS,
    }),
    device: createRateLimiter({
      redis,
      name: 'login-device',
      limit: env.LOGIN_MAX_FAILURES,
      windowSeconds: env.LOGIN_WINDOW_SECONDS,
    }),
    ip: createRateLimiter({
      redis,
      name: 'login-ip',
      limit: env.LOGIN_MAX_FAILURES_PER_IP ?? env.LOGIN_MAX_FAILURES * IP_FAILURE_FACTOR,
      windowSeconds: env.LOGIN_WINDOW_SECONDS,
    }),
    failureBurst: createBurstSlowdown(redis, 'login-failures'),
  };
}

/** The account key is a hash of the email, so Redis never holds a list of addresses people tried. */
export function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
}

/** Site-wide slowdown for what cannot be told apart by client: free up to SLOWDOWN_FREE_PER_MINUTE, then doubling. */
export function createBurstSlowdown(redis: RedisPort, name: string): Slowdown {
  return createSlowdown({
    redis,
    name,
    freeHits: env.SLOWDOWN_FREE_PER_MINUTE,
    windowSeconds: 60,
    firstDelayMs: 250,
    maxDelayMs: 8_000,
  });
}

/**
 * Wrong current passwords at a password change, counted per session: a session's holder gets no unlimited guesses,
 * and a stranger's failed sign-ins (the account's shared budget) never stop the owner from changing it.
 */
export function createPasswordChangeLimiter(redis: RedisPort = getRedis()): RateLimiter {
  return createRateLimiter({
    redis,
    name: 'password-change',
    limit: env.LOGIN_MAX_FAILURES,
    windowSeconds: env.LOGIN_WINDOW_SECONDS,
  });
}

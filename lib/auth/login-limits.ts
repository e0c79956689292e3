import 'server-only';
import { createHash } from 'node:crypto';
import { env } from '@/lib/env';
import { createRateLimiter, type RateLimiter } from '@/lib/rate-limit';
import { getRedis, type RedisPort } from '@/lib/redis';

// Failed sign-ins are counted twice: per account (a guesser on one email) and per client IP (one client trying many
// emails). An IP can stand for a whole office behind NAT, so it gets a larger allowance than a single account.
export const IP_FAILURE_FACTOR = 10;

export type LoginLimiters = { account: RateLimiter; ip: RateLimiter };

export function createLoginLimiters(redis: RedisPort = getRedis()): LoginLimiters {
  return {
    account: createRateLimiter({
      redis,
      name: 'login-account',
      limit: env.LOGIN_MAX_FAILURES,
      windowSeconds: env.LOGIN_WINDOW_SECONDS,
    }),
    ip: createRateLimiter({
      redis,
      name: 'login-ip',
      limit: env.LOGIN_MAX_FAILURES * IP_FAILURE_FACTOR,
      windowSeconds: env.LOGIN_WINDOW_SECONDS,
    }),
  };
}

/** The account key is a hash of the email, so Redis never holds a list of addresses people tried. */
export function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
}

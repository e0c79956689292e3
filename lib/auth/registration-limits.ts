import 'server-only';
import { env } from '@/lib/env';
import { createRateLimiter, type RateLimiter } from '@/lib/rate-limit';
import type { Slowdown } from '@/lib/rate-limit/slowdown';
import { getRedis, type RedisPort } from '@/lib/redis';
import { createBurstSlowdown } from './login-limits';

// Registration is limited per client IP when it is known (lib/http/client-ip.ts); otherwise a burst of registrations
// slows down site-wide. Neither is a lock an attacker could switch on for everyone.
export type RegistrationLimits = { ip: RateLimiter; burst: Slowdown };

export function createRegistrationLimits(redis: RedisPort = getRedis()): RegistrationLimits {
  return {
    ip: createRateLimiter({
      redis,
      name: 'register-ip',
      limit: env.REGISTRATION_MAX_PER_IP,
      windowSeconds: env.REGISTRATION_WINDOW_SECONDS,
    }),
    burst: createBurstSlowdown(redis, 'register'),
  };
}

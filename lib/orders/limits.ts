import 'server-only';
import { env } from '@/lib/env';
import { createRateLimiter, rateLimitedError, type RateLimiter, type RateLimitState } from '@/lib/rate-limit';
import { getRedis, type RedisPort } from '@/lib/redis';

// Checkout velocity, per user and per client IP (an IPv6 /64) an hour: attempts, and declined cards among them, so a
// stolen card list cannot be tested through this shop at speed. A decline is counted before the card is charged,
// atomically with the check, and given back when the charge was not declined: parallel submits get no more tries
// than a sequence. Retried or repeated submits of one Idempotency-Key that answer with the order count nothing.

export type CheckoutLimits = {
  attemptsPerUser: RateLimiter;
  attemptsPerIp: RateLimiter;
  declinesPerUser: RateLimiter;
  declinesPerIp: RateLimiter;
};

export function createCheckoutLimits(redis: RedisPort = getRedis()): CheckoutLimits {
  const hourly = (name: string, limit: number) =>
    createRateLimiter({ redis, name, limit, windowSeconds: 3600 });
  return {
    attemptsPerUser: hourly('checkout-user', env.CHECKOUTS_PER_USER_PER_HOUR),
    attemptsPerIp: hourly('checkout-ip', env.CHECKOUTS_PER_IP_PER_HOUR),
    declinesPerUser: hourly('card-decline-user', env.CARD_DECLINES_PER_USER_PER_HOUR),
    declinesPerIp: hourly('card-decline-ip', env.CARD_DECLINES_PER_IP_PER_HOUR),
  };
}

type Spend = { limiter: RateLimiter; id: string; refusal: string };

/** What a checkout has spent; `giveBackDecline` once the charge was not declined (or never made). */
export type CheckoutBudget = { giveBackDecline(): Promise<void> };

/** Counts one checkout attempt and one decline ahead, or throws 429 (nothing counted) when a budget is spent. */
export async function spendCheckoutBudget(
  limits: CheckoutLimits,
  client: { userId: string; ip: string | null },
): Promise<CheckoutBudget> {
  const { userId, ip } = client;
  const attempts: Spend[] = [
    { limiter: limits.attemptsPerUser, id: userId, refusal: 'Too many checkouts from this account.' },
    ...(ip
      ? [{ limiter: limits.attemptsPerIp, id: ip, refusal: 'Too many checkouts from this network.' }]
      : []),
  ];
  const declines: Spend[] = [
    { limiter: limits.declinesPerUser, id: userId, refusal: 'Too many declined cards on this account.' },
    ...(ip
      ? [{ limiter: limits.declinesPerIp, id: ip, refusal: 'Too many declined cards from this network.' }]
      : []),
  ];
  const spends = [...attempts, ...declines];
  const states: RateLimitState[] = await Promise.all(spends.map(({ limiter, id }) => limiter.consume(id)));
  const refused = states.findIndex((state) => state.limited);
  if (refused >= 0) {
    await Promise.all(spends.map(({ limiter, id }, i) => (states[i]?.limited ? null : limiter.refund(id))));
    const state = states[refused] as RateLimitState;
    throw rateLimitedError((spends[refused] as Spend).refusal, state.retryAfterSeconds);
  }
  return {
    async giveBackDecline() {
      await Promise.all(declines.map(({ limiter, id }) => limiter.refund(id)));
    },
  };
}

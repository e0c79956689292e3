import 'server-only';
import { clientIp } from '@/lib/http/client-ip';
import { env } from '@/lib/env';
import { createRateLimiter, rateLimitedError, type RateLimiter } from '@/lib/rate-limit';
import { getRedis } from '@/lib/redis';
import type { CurrentSession } from '@/lib/session';
import { requestIsHttps } from '@/lib/http/scheme';
import type { Tier } from '@/lib/access';
import { guestCartSetCookie, guestIdFromRequest, newGuestId, sealGuestId } from './cookie';
import type { Cart } from './index';
import type { CartOwner } from './keys';
import { jsonAnswer } from '@/lib/http/no-store';

// What the cart's route handlers need around lib/cart: whose cart a request means, and the answer, which is
// never cached by anyone (it depends on the user's tier and contents).

type CartContext = {
  /** null: a visitor without a cart cookie. Reads answer an empty cart; only an add creates one. */
  owner: CartOwner | null;
  tier: Tier;
  secure: boolean;
  /** The client, for the limit on new guest carts (lib/http/client-ip.ts). */
  ip: string | null;
};

/** A signed-in user's cart is theirs on every device; anyone else's is the one their cart cookie names. */
export async function cartContext(request: Request, current: CurrentSession | null): Promise<CartContext> {
  const ip = clientIp(request.headers);
  if (current) {
    const owner: CartOwner = { kind: 'user', userId: current.user.id };
    return { owner, tier: current.user.tier, secure: requestIsHttps(request.headers), ip };
  }
  const { guestId, secure } = await guestIdFromRequest(request);
  return { owner: guestId ? { kind: 'guest', guestId } : null, tier: 'standard', secure, ip };
}

// Every add without a cart cookie makes a Redis key that lives a week: a client (IP; an IPv6 /64) makes a bounded
// number an hour. Clients whose address is not known (a trusted proxy that sent none) share one budget.
function createGuestCartLimiter(redis = getRedis()): RateLimiter {
  return createRateLimiter({
    redis,
    name: 'guest-cart-new',
    limit: env.GUEST_CARTS_PER_IP_PER_HOUR,
    windowSeconds: 3600,
  });
}

const UNKNOWN_CLIENT = 'unknown-client';

/** The owner to write to: the request's own, or a new guest cart (its cookie is set by cartResponse). */
export async function cartOwnerForWrite(
  context: CartContext,
  limiter: RateLimiter = createGuestCartLimiter(),
): Promise<CartOwner> {
  if (context.owner) return context.owner;
  const attempt = await limiter.consume(context.ip ?? UNKNOWN_CLIENT);
  if (attempt.limited) {
    throw rateLimitedError(
      'Too many new carts from this network. Signed in, your cart is not limited.',
      attempt.retryAfterSeconds,
    );
  }
  return { kind: 'guest', guestId: newGuestId() };
}

/** 200 with the cart. A guest's write also (re)sets the cart cookie, so it lives 7 days past the last change. */
export async function cartResponse(
  cart: Cart,
  secure: boolean,
  written?: CartOwner | null,
): Promise<Response> {
  const response = jsonAnswer(cart);
  if (written?.kind === 'guest') {
    response.headers.append('Set-Cookie', guestCartSetCookie(await sealGuestId(written.guestId), secure));
  }
  return response;
}

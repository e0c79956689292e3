import 'server-only';
import type { CurrentSession } from '@/lib/session';
import { isSecureRequest } from '@/lib/session';
import type { Tier } from '@/lib/pricing';
import { guestCartSetCookie, guestIdFromRequest, newGuestId, sealGuestId } from './cookie';
import type { Cart } from './index';
import type { CartOwner } from './keys';

// What the cart's route handlers need around lib/cart: whose cart a request means, and the answer, which is
// never cached by anyone (it depends on the user's tier and contents).

export type CartContext = {
  /** null: a visitor without a cart cookie. Reads answer an empty cart; only an add creates one. */
  owner: CartOwner | null;
  tier: Tier;
  secure: boolean;
};

/** A signed-in user's cart is theirs on every device; anyone else's is the one their cart cookie names. */
export async function cartContext(request: Request, current: CurrentSession | null): Promise<CartContext> {
  if (current) {
    const owner: CartOwner = { kind: 'user', userId: current.user.id };
    return { owner, tier: current.user.tier, secure: isSecureRequest(request) };
  }
  const { guestId, secure } = await guestIdFromRequest(request);
  return { owner: guestId ? { kind: 'guest', guestId } : null, tier: 'standard', secure };
}

/** The owner to write to: the request's own, or a new guest cart (its cookie is set by cartResponse). */
export function cartOwnerForWrite(context: CartContext): CartOwner {
  return context.owner ?? { kind: 'guest', guestId: newGuestId() };
}

/** 200 with the cart. A guest's write also (re)sets the cart cookie, so it lives 7 days past the last change. */
export async function cartResponse(
  cart: Cart,
  secure: boolean,
  written?: CartOwner | null,
): Promise<Response> {
  const response = Response.json(cart, { headers: { 'Cache-Control': 'no-store' } });
  if (written?.kind === 'guest') {
    response.headers.append('Set-Cookie', guestCartSetCookie(await sealGuestId(written.guestId), secure));
  }
  return response;
}

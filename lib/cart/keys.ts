import { createHash } from 'node:crypto';
import { sessionKeys } from '@/lib/session/keys';

// The carts' Redis layout, in one place (like lib/session/keys.ts). Each cart is a hash productId -> quantity,
// changed by HINCRBY/HSET per line, so parallel requests on one cart never overwrite each other's lines.
//   <prefix>cart:user:<userId>                    a signed-in user's cart, the same on every device; 30 days TTL
//   <prefix>cart:guest:<sha256(guest id) hex>     a guest's cart, behind the sealed cart cookie; 7 days idle TTL
// Only the SHA-256 of a guest id is stored, so a copy of Redis holds no usable cookie value.

export type CartOwner = { kind: 'user'; userId: string } | { kind: 'guest'; guestId: string };

export function hashGuestId(guestId: string): string {
  return createHash('sha256').update(guestId).digest('hex');
}

export function cartKeys(prefix: string) {
  return {
    // The session store names it too: a session check can count the user's cart in its one round trip.
    user: sessionKeys(prefix).userCart,
    guest: (guestId: string) => `${prefix}cart:guest:${hashGuestId(guestId)}`,
  };
}

export function cartKey(prefix: string, owner: CartOwner): string {
  const keys = cartKeys(prefix);
  return owner.kind === 'user' ? keys.user(owner.userId) : keys.guest(owner.guestId);
}

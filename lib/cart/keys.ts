import { createHash } from 'node:crypto';
import { sessionKeys, userTag } from '@/lib/session/keys';

// The carts' Redis layout, in one place (like lib/session/keys.ts). Each cart is a hash productId -> quantity,
// changed by HINCRBY/HSET per line, so parallel requests on one cart never overwrite each other's lines.
//   <prefix>cart:{u:<userId>}                      a signed-in user's cart, the same on every device; 30 days TTL
//   <prefix>cart-merged:{u:<userId>}:<merge id>    marks one guest cart's merge as applied to that user's cart
//   <prefix>cart:guest:{g:<sha256(guest id) hex>}  a guest's cart, behind the sealed cart cookie; 7 days idle TTL
//   <prefix>cart:merging:{g:<sha256 hex>}          a guest cart frozen for its merge at sign-in, until it is applied
// The hash tags put a user's keys in the user's Redis Cluster slot and a guest's in the guest's: the merge at sign-in
// crosses slots, so it runs in steps that are each atomic and safe to repeat (store.ts, mergeGuest).
// Only the SHA-256 of a guest id is stored, so a copy of Redis holds no usable cookie value.

export type CartOwner = { kind: 'user'; userId: string } | { kind: 'guest'; guestId: string };

function hashGuestId(guestId: string): string {
  return createHash('sha256').update(guestId).digest('hex');
}

/** A guest cart's key by the hash of its guest id, which is all Redis (and a key migration) knows of it. */
function guestCartKeyOfHash(prefix: string, guestHash: string): string {
  return `${prefix}cart:guest:{g:${guestHash}}`;
}

export function cartKeys(prefix: string) {
  const guestTag = (guestId: string) => `{g:${hashGuestId(guestId)}}`;
  const userKeys = sessionKeys(prefix);
  return {
    // The session store names it too: a session check can count the user's cart in its one round trip.
    user: userKeys.userCart,
    merged: (userId: string, mergeId: string) => `${prefix}cart-merged:${userTag(userId)}:${mergeId}`,
    guest: (guestId: string) => guestCartKeyOfHash(prefix, hashGuestId(guestId)),
    merging: (guestId: string) => `${prefix}cart:merging:${guestTag(guestId)}`,
  };
}

export function cartKey(prefix: string, owner: CartOwner): string {
  const keys = cartKeys(prefix);
  return owner.kind === 'user' ? keys.user(owner.userId) : keys.guest(owner.guestId);
}

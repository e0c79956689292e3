import { createHash } from 'node:crypto';
import { sessionKeys, userTag } from '@/lib/session/keys';

// The carts' Redis layout, in one place: hashes of productId -> quantity, so parallel requests never overwrite each
// other's lines; a user's keys in the user's Cluster slot, a guest's in the guest's, so the sign-in merge runs in
// steps that are each safe to repeat (docs/checkout.md#carts-in-redis).

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

import { createHash } from 'node:crypto';
import { SESSION_ID_PATTERN } from './schema';

// The session store's Redis layout, in one place. Every key of one user carries the hash tag {u:<userId>}, so on
// Redis Cluster they all live in one hash slot, so the check's MGET and each Lua script, which declares every key it
// touches in KEYS, run on one node:
//   <prefix>session:{u:<userId>}:<hash>     string: the session (record.ts)
//   <prefix>user:{u:<userId>}               string: the UserAccess as JSON (role, tier, ban state)
//   <prefix>user-sessions:{u:<userId>}      sorted set: session hashes scored by absolute expiry
//   <prefix>ban-notice:{u:<userId>}:<hash>  string: the userId, for a session a ban revoked, so the next request of
//                                           that browser is answered "banned" with the reason (TTL: ban or session end)
//   <prefix>cart:{u:<userId>}               the user's cart (lib/cart owns it); named here because a session check
//                                           may count it in the same round trip (GET /api/session)
//   <prefix>user-events                     pub/sub channel (not a key): {userId, kind} after every change of a user
// <hash> is the first 128 bits of the token's SHA-256, unpadded base64url: a copy of Redis holds no usable cookie value,
// and 128 bits keep lookups of 256-bit random tokens free of collisions while every key and index member stays short.
//
// The token is `<userId>.<43 random base64url characters>` (256 bits), sealed in the cookie, so the check knows
// every key it reads before its one round trip. A session's public id (device lists, "sign out that device") is
// `<userId>.<22 random characters>`, so an admin can revoke a session by that id alone.

/** User ids are cuids (and test ids of the same alphabet): nothing that could close a hash tag or a token part. */
export const USER_ID_FORMAT = /^[A-Za-z0-9_-]{1,64}$/;
const TOKEN_FORMAT = /^([A-Za-z0-9_-]{1,64})\.[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest().subarray(0, 16).toString('base64url');
}

type TokenParts = { userId: string; tokenHash: string };

/** The user and storage hash a token names, or null for anything not made here (it then costs no round trip). */
export function parseToken(token: string): TokenParts | null {
  const match = TOKEN_FORMAT.exec(token);
  return match ? { userId: match[1] as string, tokenHash: hashToken(token) } : null;
}

export function sessionPublicId(userId: string, localId: string): string {
  return `${userId}.${localId}`;
}

/** The owner and the part stored in the session of a public session id, or null when malformed. */
export function parseSessionId(sessionId: string): { userId: string; localId: string } | null {
  const match = SESSION_ID_PATTERN.exec(sessionId);
  return match ? { userId: match[1] as string, localId: match[2] as string } : null;
}

/** The hash tag that puts every key of one user in one Redis Cluster slot (lib/cart's too). */
export function userTag(userId: string): string {
  return `{u:${userId}}`;
}

export function sessionKeys(prefix: string) {
  return {
    session: (userId: string, tokenHash: string) => `${prefix}session:${userTag(userId)}:${tokenHash}`,
    user: (userId: string) => `${prefix}user:${userTag(userId)}`,
    userSessions: (userId: string) => `${prefix}user-sessions:${userTag(userId)}`,
    banNotice: (userId: string, tokenHash: string) => `${prefix}ban-notice:${userTag(userId)}:${tokenHash}`,
    userEvents: () => `${prefix}user-events`,
    userCart: (userId: string) => `${prefix}cart:${userTag(userId)}`,
  };
}

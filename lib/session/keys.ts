import { createHash } from 'node:crypto';

// The session store's Redis layout, in one place. The Lua scripts in lua.ts rebuild the user and index keys
// from the prefix and a userId with these same shapes.
//   <prefix>session:<sha256(token) hex>   hash: id, userId, createdAt, lastSeenAt, expiresAt, ip?, userAgent?, persistent
//   <prefix>user:<userId>                 string: the SessionUser as JSON (role, tier, ban state)
//   <prefix>user-sessions:<userId>        sorted set: session hashes scored by absolute expiry
//   <prefix>session-owner:<public id>      string: the userId, so an admin can revoke a session by its public id
//   <prefix>ban-notice:<sha256(token) hex> string: the userId of a session a ban revoked, so the next request of
//                                          that browser is answered "banned" with the reason (TTL: ban or session end)
//   <prefix>user-events                    pub/sub channel (not a key): {userId, kind} after every change of a user
//   <prefix>cart:user:<userId>             the user's cart (lib/cart owns it); named here because a session check
//                                          may count it in the same round trip (GET /api/session)

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sessionKeys(prefix: string) {
  return {
    session: (tokenHash: string) => `${prefix}session:${tokenHash}`,
    user: (userId: string) => `${prefix}user:${userId}`,
    userSessions: (userId: string) => `${prefix}user-sessions:${userId}`,
    sessionOwner: (sessionId: string) => `${prefix}session-owner:${sessionId}`,
    banNotice: (tokenHash: string) => `${prefix}ban-notice:${tokenHash}`,
    userEvents: () => `${prefix}user-events`,
    userCart: (userId: string) => `${prefix}cart:user:${userId}`,
  };
}

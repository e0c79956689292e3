import 'server-only';
import { db } from '@/lib/db';
import { getRedis } from '@/lib/redis';
import {
  clearSessionSetCookie,
  isSecureRequest,
  openValue,
  readCookie,
  sealToken,
  sealValue,
  serializeCookie,
  sessionCookieName,
  sessionCookieOptions,
  sessionSetCookie,
  unsealToken,
} from './cookie';
import { isSecureFromHeaders, type CookieReader } from './request';
import type { z } from 'zod';
import type { publicUserSchema } from './schema';
import { parseToken } from './keys';
import { getSessionStore, type SessionRecord, type SessionUser } from './store';
import { userEventMessage } from '@/lib/users/events';
import { banNoticeMs, isBanned, toUserAccess, USER_ACCESS_SELECT } from '@/lib/users/types';

// The one way anything in the app learns who is asking. The hot path is: unseal the cookie (CPU only),
// one Redis round trip for the session and its user record, no database query. The database is read only
// when Redis lost the per-user record (eviction, flush, or after an admin change dropped it on purpose).

export type { SessionRecord, SessionUser } from './store';

export type CurrentSession = {
  token: string;
  session: SessionRecord;
  user: SessionUser;
  /** Units in the user's cart, when the check was asked to count them (GET /api/session). */
  cartUnits?: number;
};

/** What a session check may read in its one round trip besides the session and its user. */
export type SessionCheckOptions = { countCart?: boolean };

/** The user as the API shows it: no ban internals, no timestamps. */
export type PublicUser = z.infer<typeof publicUserSchema>;

export function toPublicUser(user: SessionUser): PublicUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, tier: user.tier };
}

export { isBanned, toUserAccess as toSessionUser } from '@/lib/users/types';

async function reloadUser(userId: string): Promise<SessionUser | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: USER_ACCESS_SELECT });
  if (!row) return null;
  const user = toUserAccess(row);
  // Versioned: an admin change written while we read the database is newer and is kept.
  await getSessionStore().cacheUser(user);
  return user;
}

/** Why a browser's session ended in a ban: what /banned, the API's 403 and login say. */
export type BanState = { token: string; userId: string; reason: string | null; until: number | null };

export type SessionState = { current: CurrentSession | null; banned: BanState | null };

const SIGNED_OUT: SessionState = { current: null, banned: null };

// Whether the ban still holds comes from the user record in Redis, which the ban's own Lua step wrote together with
// the notice; the database, whose commit may come a moment later, only lends the reason. Read only for a token a ban
// revoked.
async function banOf(token: string, userId: string, known?: SessionUser): Promise<BanState | null> {
  const state = known ?? (await getSessionStore().readUser(userId)) ?? (await reloadUser(userId));
  if (!state || !isBanned(state)) {
    await getSessionStore().dropBanNotice(token);
    return null;
  }
  const row = await db.user.findUnique({ where: { id: userId }, select: { banReason: true } });
  return { token, userId, reason: row?.banReason ?? null, until: state.bannedUntil };
}

/**
 * The session behind a raw token, or why there is none. A ban revokes every session at once and leaves a notice
 * under each token, so that browser's next request is answered "banned" with the reason (one more round trip,
 * only for a token whose session is gone). A banned user's session that a racing login created after the ban is
 * turned into a notice here; a deleted user's is revoked.
 */
export async function checkSessionToken(
  token: string,
  options: SessionCheckOptions = {},
): Promise<SessionState> {
  const store = getSessionStore();
  const lookup = await store.readSession(token, options);
  if (!lookup) {
    const bannedUserId = await store.readBanNotice(token);
    return bannedUserId ? { current: null, banned: await banOf(token, bannedUserId) } : SIGNED_OUT;
  }
  const user = lookup.user ?? (await reloadUser(lookup.session.userId));
  if (!user) {
    await store.revokeSession(token);
    return SIGNED_OUT;
  }
  if (isBanned(user)) {
    await store.revokeSession(token, { banNoticeMs: banNoticeMs(user) });
    return { current: null, banned: await banOf(token, user.id, user) };
  }
  // A session a racing login created during a ban that has since run out never comes back to life.
  if (user.bannedUntil !== null && lookup.session.createdAt < user.bannedUntil) {
    await store.revokeSession(token);
    return SIGNED_OUT;
  }
  const current: CurrentSession = { token, session: lookup.session, user };
  if (lookup.cartUnits !== undefined) current.cartUnits = lookup.cartUnits;
  return { current, banned: null };
}

/**
 * False while the Redis client has found Redis away and not yet back (lib/redis/port.ts): no session can be checked,
 * so the proxy answers 503 at once instead of letting a page start. No round trip.
 */
export function sessionStoreAvailable(): boolean {
  return getRedis().available();
}

/** The live session behind a raw token, or null (signed out, banned, deleted). */
export async function readSessionByToken(token: string): Promise<CurrentSession | null> {
  return (await checkSessionToken(token)).current;
}

/** The API has told this browser it is banned: from now on its token answers as signed out (401). */
export async function acknowledgeBan(ban: BanState): Promise<void> {
  await getSessionStore().dropBanNotice(ban.token);
}

export type RequestSession = {
  current: CurrentSession | null;
  /** Set when the request's session ended in a ban that still holds. */
  banned: BanState | null;
  /** A session cookie came with the request; when `current` is null it is stale and should be cleared. */
  hadCookie: boolean;
  secure: boolean;
};

export type SessionCookie = {
  /** The token the cookie opens to, or null when there is no cookie or it does not open. */
  token: string | null;
  hadCookie: boolean;
  secure: boolean;
};

/**
 * The proxy's optimistic check: does the request carry a session cookie that opens? CPU only, no Redis: whether the
 * session still lives is for the gate in the page or handler to say, so each request pays one round trip, not two.
 */
export function openSessionCookie(request: Request): SessionCookie {
  const secure = isSecureRequest(request);
  const sealed = readCookie(request.headers.get('cookie'), sessionCookieName(secure));
  if (!sealed) return { token: null, hadCookie: false, secure };
  return { token: unsealToken(sealed), hadCookie: true, secure };
}

/** The session of a route handler's Request. Garbage cookies read as signed out, never as an error. */
export async function readSessionFromRequest(
  request: Request,
  options: SessionCheckOptions = {},
): Promise<RequestSession> {
  const { token, hadCookie, secure } = openSessionCookie(request);
  return { ...(token ? await checkSessionToken(token, options) : SIGNED_OUT), hadCookie, secure };
}

/** The session (or the ban that ended it) as server components and actions see it, from next/headers. */
export async function readSessionStateFromCookies(
  cookies: CookieReader,
  headers: Headers,
): Promise<SessionState> {
  const sealed = cookies.get(sessionCookieName(isSecureFromHeaders(headers)))?.value;
  const token = sealed ? unsealToken(sealed) : null;
  if (!token) return SIGNED_OUT;
  return checkSessionToken(token);
}

/** The session as server components and actions see it, from next/headers' cookies() and headers(). */
export async function readSessionFromCookies(
  cookies: CookieReader,
  headers: Headers,
): Promise<CurrentSession | null> {
  return (await readSessionStateFromCookies(cookies, headers)).current;
}

export type DeviceSession = SessionRecord & { current: boolean };

/** The user's sessions, the one making this request marked and listed first, then the most recently seen. */
export async function listDeviceSessions(current: CurrentSession): Promise<DeviceSession[]> {
  const sessions = await getSessionStore().listUserSessions(current.user.id);
  return sessions
    .map((session) => ({ ...session, current: session.id === current.session.id }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt - a.lastSeenAt);
}

// The one way into sessions for the rest of the app: everything below is re-exported from its module here. Only
// lib/users, which owns the user record the store keeps (and which this module imports), reaches the store itself.
export {
  clearSessionSetCookie,
  isSecureRequest,
  openValue,
  readCookie,
  sealToken,
  sealValue,
  serializeCookie,
  sessionCookieName,
  sessionCookieOptions,
  sessionSetCookie,
  unsealToken,
};
export { createSessionStore, getSessionStore, type SessionStore } from './store';
export { liveState, sessionJson, type LiveState, type SessionJson } from './view';
export {
  authContextFromHeaders,
  authContextFromRequest,
  clearSessionCookie,
  isSecureFromHeaders,
  setSessionCookie,
  tokenFromCookieValue,
  type CookieReader,
  type RequestAuthContext,
} from './request';

/** The user a token names (lib/session/keys.ts), read from the token alone: not whether its session lives. */
export function userIdOfToken(token: string): string | null {
  return parseToken(token)?.userId ?? null;
}

/** Signs one of the user's own devices out. False when the id is not one of this user's sessions. */
export async function revokeSessionById(current: CurrentSession, sessionId: string): Promise<boolean> {
  const revoked = await getSessionStore().revokeSessionById(current.user.id, sessionId);
  // This device's own entry in the list is a sign-out here, not news from elsewhere.
  if (revoked)
    await announceRevocation(current.user.id, sessionId === current.session.id ? 'signed-out' : 'revoked');
  return revoked;
}

/** "Sign out everywhere else": every session of the user but the one making the request. */
export async function revokeOtherSessions(current: CurrentSession): Promise<number> {
  const revoked = await getSessionStore().revokeAllSessions(current.user.id, {
    exceptSessionId: current.session.id,
  });
  if (revoked > 0) await announceRevocation(current.user.id);
  return revoked;
}

// The revoked device's open tab learns it at once (lib/users/events) and goes to the login page.
async function announceRevocation(userId: string, kind: 'revoked' | 'signed-out' = 'revoked'): Promise<void> {
  await getSessionStore().publishUserEvent(userEventMessage({ userId, kind }));
}

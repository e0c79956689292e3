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
import { openAttestation, SESSION_ATTESTATION_HEADER, signAttestation } from './attestation';
import { hashToken, parseToken } from './keys';
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

// What an attestation carries: the state without the token, which the gate takes from the request's own cookie.
type AttestedState = {
  current: { session: SessionRecord; user: SessionUser } | null;
  banned: { userId: string; reason: string | null; until: number | null } | null;
};

function attestSessionState(token: string, { current, banned }: SessionState): string {
  const attested: AttestedState = {
    current: current && { session: current.session, user: current.user },
    banned: banned && { userId: banned.userId, reason: banned.reason, until: banned.until },
  };
  return signAttestation(hashToken(token), JSON.stringify(attested));
}

/** The state the proxy attested for this token in this request (lib/session/attestation.ts), or null. */
function attestedSessionState(headers: Headers, token: string): SessionState | null {
  const json = openAttestation(headers.get(SESSION_ATTESTATION_HEADER), hashToken(token));
  if (json === null) return null;
  // Signed by this process a moment ago, so it is the shape attestSessionState wrote.
  const { current, banned } = JSON.parse(json) as AttestedState;
  return { current: current && { token, ...current }, banned: banned && { token, ...banned } };
}

/**
 * The proxy's: the request headers to pass on to the page, with any copy of the attestation header the client sent
 * removed and, when the proxy has checked this request's session (`checked`), its own attestation of the result.
 * Null when the request's headers can pass as they are.
 */
export function attestedRequestHeaders(
  request: Request,
  token: string,
  checked: SessionState | null,
): Headers | null {
  if (!checked && !request.headers.has(SESSION_ATTESTATION_HEADER)) return null;
  const headers = new Headers(request.headers);
  if (checked) headers.set(SESSION_ATTESTATION_HEADER, attestSessionState(token, checked));
  else headers.delete(SESSION_ATTESTATION_HEADER);
  return headers;
}

/**
 * The session (or the ban that ended it) as server components and actions see it, from next/headers. Where the proxy
 * has already checked this request's session and attested the result, that is the answer; otherwise one round trip.
 */
export async function readSessionStateFromCookies(
  cookies: CookieReader,
  headers: Headers,
): Promise<SessionState> {
  const sealed = cookies.get(sessionCookieName(isSecureFromHeaders(headers)))?.value;
  const token = sealed ? unsealToken(sealed) : null;
  if (!token) return SIGNED_OUT;
  return attestedSessionState(headers, token) ?? checkSessionToken(token);
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
  if (revoked) await announceRevocation(current.user.id);
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
async function announceRevocation(userId: string): Promise<void> {
  await getSessionStore().publishUserEvent(userEventMessage({ userId, kind: 'revoked' }));
}

import 'server-only';
import { db } from '@/lib/db';
import {
  clearSessionSetCookie,
  isSecureRequest,
  openValue,
  readCookie,
  sealValue,
  serializeCookie,
  sessionCookieName,
  sessionCookieOptions,
  sessionSetCookie,
  unsealToken,
} from './cookie';
import { isSecureFromHeaders, type CookieReader } from './request';
import { getSessionStore, type SessionRecord, type SessionUser } from './store';

// The one way anything in the app learns who is asking. The hot path is: unseal the cookie (CPU only),
// one Redis round trip for the session and its user record, no database query. The database is read only
// when Redis lost the per-user record (eviction, flush, or after an admin change dropped it on purpose).

export type { SessionRecord, SessionUser } from './store';

export type CurrentSession = { token: string; session: SessionRecord; user: SessionUser };

/** The user as the API shows it: no ban internals, no timestamps. */
export type PublicUser = Pick<SessionUser, 'id' | 'email' | 'name' | 'role' | 'tier'>;

/**
 * GET /api/session's body: what the client components of a cached page may know about the visitor. An object, so
 * more per-visitor parts (the cart count) join it as fields of their own.
 */
export type SessionBody = { user: PublicUser | null };

export function toPublicUser(user: SessionUser): PublicUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, tier: user.tier };
}

export function isBanned(user: Pick<SessionUser, 'bannedAt' | 'bannedUntil'>, now = Date.now()): boolean {
  return user.bannedAt !== null && (user.bannedUntil === null || user.bannedUntil > now);
}

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: SessionUser['role'];
  tier: SessionUser['tier'];
  bannedAt: Date | null;
  bannedUntil: Date | null;
};

export function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tier: row.tier,
    bannedAt: row.bannedAt?.getTime() ?? null,
    bannedUntil: row.bannedUntil?.getTime() ?? null,
  };
}

async function reloadUser(userId: string): Promise<SessionUser | null> {
  const row = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, tier: true, bannedAt: true, bannedUntil: true },
  });
  if (!row) return null;
  const user = toSessionUser(row);
  // NX: an admin change (ban, tier) written while we read the database must not be overwritten by this copy.
  await getSessionStore().cacheUser(user, { onlyIfMissing: true });
  return user;
}

/** The live session behind a raw token, or null. A banned or deleted user's session is revoked on the spot. */
export async function readSessionByToken(token: string): Promise<CurrentSession | null> {
  const store = getSessionStore();
  const lookup = await store.readSession(token);
  if (!lookup) return null;
  const user = lookup.user ?? (await reloadUser(lookup.session.userId));
  if (!user || isBanned(user)) {
    await store.revokeSession(token);
    return null;
  }
  return { token, session: lookup.session, user };
}

export type RequestSession = {
  current: CurrentSession | null;
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
export async function openSessionCookie(request: Request): Promise<SessionCookie> {
  const secure = isSecureRequest(request);
  const sealed = readCookie(request.headers.get('cookie'), sessionCookieName(secure));
  if (!sealed) return { token: null, hadCookie: false, secure };
  return { token: await unsealToken(sealed), hadCookie: true, secure };
}

/** The session of a route handler's Request. Garbage cookies read as signed out, never as an error. */
export async function readSessionFromRequest(request: Request): Promise<RequestSession> {
  const { token, hadCookie, secure } = await openSessionCookie(request);
  return { current: token ? await readSessionByToken(token) : null, hadCookie, secure };
}

/** The session as server components and actions see it, from next/headers' cookies() and headers(). */
export async function readSessionFromCookies(
  cookies: CookieReader,
  headers: Headers,
): Promise<CurrentSession | null> {
  const sealed = cookies.get(sessionCookieName(isSecureFromHeaders(headers)))?.value;
  if (!sealed) return null;
  const token = await unsealToken(sealed);
  return token ? readSessionByToken(token) : null;
}

export type DeviceSession = SessionRecord & { current: boolean };

/** The user's sessions, the one making this request marked and listed first, then the most recently seen. */
export async function listDeviceSessions(current: CurrentSession): Promise<DeviceSession[]> {
  const sessions = await getSessionStore().listUserSessions(current.user.id);
  return sessions
    .map((session) => ({ ...session, current: session.id === current.session.id }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt - a.lastSeenAt);
}

export {
  clearSessionSetCookie,
  openValue,
  readCookie,
  sealValue,
  serializeCookie,
  sessionCookieName,
  sessionCookieOptions,
  sessionSetCookie,
};
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

/** Signs one of the user's own devices out. False when the id is not one of this user's sessions. */
export async function revokeDeviceSession(current: CurrentSession, sessionId: string): Promise<boolean> {
  return getSessionStore().revokeSessionById(current.user.id, sessionId);
}

/** "Sign out everywhere else": every session of the user but the one making the request. */
export async function revokeOtherDeviceSessions(current: CurrentSession): Promise<number> {
  return getSessionStore().revokeUserSessions(current.user.id, { exceptSessionId: current.session.id });
}

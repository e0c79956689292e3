import 'server-only';
import { getRedis } from '@/lib/redis';
import { banNoticeMs, isBanned, type UserAccess } from '@/lib/access';
import { userEventMessage } from '@/lib/access/events';
import { requestIsHttps } from '@/lib/http/scheme';
import {
  readCookie,
  sessionCookieName,
  sessionCookieOptions,
  sessionCookieOptionsFor,
  sealToken,
  unsealToken,
  type SessionCookieOptions,
} from './cookie';
import { parseToken } from './keys';
import { getSessionStore, type SessionMeta, type SessionRecord } from './store';

// The one way into sessions for the rest of the app, in the manner of Lucia's guide: read the cookie, check the
// token, create, list and revoke, and the cookie's writes. The hot path is: unseal the cookie (CPU only), one Redis
// round trip for the session and its user record, no database query. The user record is lib/users': only it reaches
// the store (lib/session/store.ts), and it hands the check the database reload (createSessionCheck).

export type { SessionMeta, SessionRecord } from './store';

/** A session that lives, with its user as the same round trip read them. */
export type CurrentSession = {
  token: string;
  session: SessionRecord;
  user: UserAccess;
  /** Units in the user's cart, when the check was asked to count them (GET /api/session). */
  cartUnits?: number;
};

/** Why a browser's session ended in a ban: what /banned, the API's 403 and login say. */
type BanState = { token: string; userId: string; reason: string | null; until: number | null };

/** What a check says: the live session, or the ban that ended it, or neither (signed out). */
export type SessionCheck = { current: CurrentSession | null; banned: BanState | null };

const SIGNED_OUT: SessionCheck = { current: null, banned: null };

/** What the session cookie of a request says before any Redis: CPU only. */
export type SessionCookie = {
  /** The token the cookie opens to, or null when there is no cookie or it does not open. */
  token: string | null;
  /** A session cookie came with the request; when it does not check out it is stale and should be cleared. */
  hadCookie: boolean;
  secure: boolean;
};

/** Anything that reads cookies by name: next/headers' cookies(), a NextRequest's cookies. */
export type CookieReader = { get(name: string): { value: string } | undefined };

/**
 * The session cookie of a route handler's Request, or of a server component or action (next/headers' cookies() and
 * headers()). The proxy's optimistic check is this alone; garbage reads as no token, never as an error.
 */
export function readSessionCookie(
  source: Request | { cookies: CookieReader; headers: Headers },
): SessionCookie {
  const secure = requestIsHttps(source.headers);
  const name = sessionCookieName(secure);
  const sealed =
    source instanceof Request
      ? readCookie(source.headers.get('cookie'), name)
      : source.cookies.get(name)?.value;
  if (!sealed) return { token: null, hadCookie: false, secure };
  return { token: unsealToken(sealed), hadCookie: true, secure };
}

/** What the check needs of the User table, which lib/users owns: the database reload when Redis lost the record. */
type UserRecords = {
  /** The user's access record from the database, cached back into Redis; null for a deleted user. */
  reload(userId: string): Promise<UserAccess | null>;
  banReason(userId: string): Promise<string | null>;
};

type SessionCheckOptions = { countCart?: boolean };

/**
 * The check (lib/users builds it with its UserRecords and exports it as checkSession): the session behind a raw
 * token, or why there is none. A ban revokes every session at once and leaves a notice under each token, so that
 * browser's next request is answered "banned" with the reason (one more round trip, only for a token whose session
 * is gone). A banned user's session that a racing login created after the ban is turned into a notice here; a
 * deleted user's is revoked.
 */
export function createSessionCheck(users: UserRecords) {
  // Whether the ban still holds comes from the user record in Redis, which the ban's own Lua step wrote together
  // with the notice; the database, whose commit may come a moment later, only lends the reason. Read only for a
  // token a ban revoked.
  async function banOf(token: string, userId: string, known?: UserAccess): Promise<BanState | null> {
    const state = known ?? (await getSessionStore().readUser(userId)) ?? (await users.reload(userId));
    if (!state || !isBanned(state)) {
      await getSessionStore().dropBanNotice(token);
      return null;
    }
    return { token, userId, reason: await users.banReason(userId), until: state.bannedUntil };
  }

  return async function checkSession(
    token: string | null,
    options: SessionCheckOptions = {},
  ): Promise<SessionCheck> {
    if (!token) return SIGNED_OUT;
    const store = getSessionStore();
    const lookup = await store.readSession(token, options);
    if (!lookup) {
      const bannedUserId = await store.readBanNotice(token);
      return bannedUserId ? { current: null, banned: await banOf(token, bannedUserId) } : SIGNED_OUT;
    }
    const user = lookup.user ?? (await users.reload(lookup.session.userId));
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
  };
}

/**
 * False while the Redis client has found Redis away and not yet back (lib/redis/port.ts): no session can be checked,
 * so the proxy answers 503 at once instead of letting a page start. No round trip.
 */
export function sessionStoreAvailable(): boolean {
  return getRedis().available();
}

/** The API has told this browser it is banned: from now on its token answers as signed out (401). */
export async function acknowledgeBan(ban: BanState): Promise<void> {
  await getSessionStore().dropBanNotice(ban.token);
}

/** The user a token names (lib/session/keys.ts), read from the token alone: not whether its session lives. */
export function userIdOfToken(token: string): string | null {
  return parseToken(token)?.userId ?? null;
}

/** A new session for a signed-in user; its token goes into the cookie, never anywhere else. */
export async function createSession(
  user: UserAccess,
  meta: SessionMeta,
): Promise<{ token: string; session: SessionRecord }> {
  return getSessionStore().createSession(user, meta);
}

/** Signs the browser holding this token out (logout; the token a new sign-in replaces). */
export async function revokeSession(token: string, options: { tellOtherTabs?: boolean } = {}): Promise<void> {
  await getSessionStore().revokeSession(token);
  const userId = options.tellOtherTabs ? userIdOfToken(token) : null;
  if (userId) await announceRevocation(userId, 'signed-out');
}

/**
 * A password change: every session of the user goes, this one too; this browser continues on a fresh token, kept
 * signed in as it was.
 */
export async function rotateSession(
  current: CurrentSession,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; session: SessionRecord }> {
  const store = getSessionStore();
  await store.revokeAllSessions(current.user.id);
  return store.createSession(current.user, { ...meta, persistent: current.session.persistent, proved: true });
}

/** Every session of the user (a password reset). Returns how many went. */
export async function revokeUserSessions(userId: string): Promise<number> {
  return getSessionStore().revokeAllSessions(userId);
}

/** Signs one of the user's own devices out. False when the id is not one of this user's sessions. */
export async function revokeOwnSession(current: CurrentSession, sessionId: string): Promise<boolean> {
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

// The revoked device's open tab learns it at once (lib/access/events.ts) and goes to the login page.
async function announceRevocation(userId: string, kind: 'revoked' | 'signed-out' = 'revoked'): Promise<void> {
  await getSessionStore().publishUserEvent(userEventMessage({ userId, kind }));
}

export type DeviceSession = SessionRecord & { current: boolean };

/** The user's sessions, the one making this request marked and listed first, then the most recently seen. */
export async function listDeviceSessions(current: CurrentSession): Promise<DeviceSession[]> {
  const sessions = await getSessionStore().listUserSessions(current.user.id);
  return sessions
    .map((session) => ({ ...session, current: session.id === current.session.id }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt - a.lastSeenAt);
}

export type CookieWriter = { set(name: string, value: string, options: SessionCookieOptions): unknown };

/** Server actions: store the sealed token through next/headers' cookies(). */
export async function setSessionCookie(
  cookies: CookieWriter,
  token: string,
  secure: boolean,
  persistent: boolean,
): Promise<void> {
  cookies.set(sessionCookieName(secure), await sealToken(token), sessionCookieOptionsFor(secure, persistent));
}

/** Server actions: remove the session cookie. */
export function clearSessionCookie(cookies: CookieWriter, secure: boolean): void {
  cookies.set(sessionCookieName(secure), '', sessionCookieOptions(secure, 0));
}

// Route handlers answer with these Set-Cookie values; the app's other sealed cookies (the guest cart, the trusted
// device, the mailbox) use the same seal, attributes and parser.
export { clearSessionSetCookie, sessionSetCookie } from './cookie';
export {
  openValue,
  readCookie,
  sealToken,
  sealValue,
  serializeCookie,
  sessionCookieName,
  sessionCookieOptions,
  unsealToken,
} from './cookie';
export { sessionJson } from './view';

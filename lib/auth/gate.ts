import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { AppError } from '@/lib/http/errors';
import { isRedisUnavailable } from '@/lib/redis';
import { banMessage } from '@/lib/access';
import {
  acknowledgeBan,
  clearSessionSetCookie,
  readSessionCookie,
  type CurrentSession,
  type SessionCheck,
} from '@/lib/session';
import { checkSession } from '@/lib/users';
import { loginPath, sessionUnavailablePath } from './redirect';

// The one gate, which every page, route handler and action that touches user data calls itself: proxy.ts can be
// skipped (docs/sessions.md#two-layers-one-gate). cache() checks once per server render; route handlers have no
// render scope, so their gates are plain functions.

// One round trip, whatever proxy.ts checked before: nothing but the cookie says who is asking.
const readSessionState = cache(async (): Promise<SessionCheck> => {
  return checkSession(readSessionCookie({ cookies: await cookies(), headers: await headers() }).token);
});

/**
 * Pages: the signed-in session, or the ban that ended it (what /banned shows). Without Redis nobody can be
 * verified, so the page is never served: it goes to /session-unavailable, which offers `returnTo` again. (A page
 * streams behind its loading.tsx, so its status is already sent; proxy.ts answers 503 before that once the Redis
 * client knows Redis is away.)
 */
export const getSessionState = cache(async (returnTo?: string): Promise<SessionCheck> => {
  try {
    return await readSessionState();
  } catch (error) {
    if (isRedisUnavailable(error)) {
      console.error(error.message);
      redirect(sessionUnavailablePath(returnTo));
    }
    throw error;
  }
});

/** Pages, layouts and server actions: the signed-in session or null. */
export const getSession = cache(async (): Promise<CurrentSession | null> => {
  return (await getSessionState()).current;
});

/**
 * Pages and server actions: the session, or a redirect to the login page that comes back to `returnTo`; a browser
 * whose session a ban ended goes to /banned instead.
 */
export const requireUser = cache(async (returnTo = '/'): Promise<CurrentSession> => {
  const { current, banned } = await getSessionState(returnTo);
  if (banned) redirect('/banned');
  if (!current) redirect(loginPath(returnTo));
  return current;
});

/** Pages and server actions for admins: signed-out visitors go to login, everyone else back to the shop. */
export const requireAdmin = cache(async (returnTo = '/admin'): Promise<CurrentSession> => {
  const current = await requireUser(returnTo);
  if (current.user.role !== 'admin') redirect('/');
  return current;
});

/**
 * Route handlers: the session, or a 401 in the API's error shape that also clears a stale cookie. A session a ban
 * ended gets one 403 `banned` with the reason, then 401s like any revoked session.
 */
export async function requireApiUser(request: Request): Promise<CurrentSession> {
  const { token, hadCookie, secure } = readSessionCookie(request);
  const { current, banned } = await checkSession(token);
  if (current) return current;
  if (banned) {
    await acknowledgeBan(banned);
    throw new AppError('banned', banMessage(banned), {
      headers: { 'Set-Cookie': clearSessionSetCookie(secure) },
      details: banned.until === null ? {} : { until: new Date(banned.until).toISOString() },
    });
  }
  throw new AppError('unauthenticated', 'Sign in to continue.', {
    headers: hadCookie ? { 'Set-Cookie': clearSessionSetCookie(secure) } : {},
  });
}

/**
 * Route handlers that report a session's state to its own tab (open-tab events) instead of acting for it: the
 * session or the ban that ended it, never thrown, the ban notice left for /banned to read.
 */
export async function readApiSessionState(request: Request): Promise<SessionCheck> {
  return checkSession(readSessionCookie(request).token);
}

/** Route handlers for admins: 401 when signed out, 403 for everyone but admins. */
export async function requireApiAdmin(request: Request): Promise<CurrentSession> {
  const current = await requireApiUser(request);
  if (current.user.role !== 'admin') throw new AppError('forbidden', 'This needs an admin account.');
  return current;
}

/** Route handlers open to guests too (the cart): the session, or null for a visitor or a stale cookie. */
export async function getApiSession(request: Request): Promise<CurrentSession | null> {
  return (await checkSession(readSessionCookie(request).token)).current;
}

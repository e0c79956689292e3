import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { AppError } from '@/lib/http/errors';
import {
  clearSessionSetCookie,
  readSessionFromCookies,
  readSessionFromRequest,
  type CurrentSession,
} from '@/lib/session';
import { loginPath } from './redirect';

// The one gate. Every page, route handler and server action that touches user data calls it itself: proxy.ts only
// redirects early and can be skipped (a matcher gap, CVE-2025-29927's x-middleware-subrequest header).
// React's cache() makes one server render check the session once however many components ask; route handlers
// get no such render scope (and a Request is a new key each time), so their gates are plain functions.

export type { CurrentSession } from '@/lib/session';

/** Pages, layouts and server actions: the signed-in session or null. */
export const getSession = cache(async (): Promise<CurrentSession | null> => {
  return readSessionFromCookies(await cookies(), await headers());
});

/** Pages and server actions: the session, or a redirect to the login page that comes back to `returnTo`. */
export const requireUser = cache(async (returnTo = '/'): Promise<CurrentSession> => {
  const current = await getSession();
  if (!current) redirect(loginPath(returnTo));
  return current;
});

/** Pages and server actions for admins: signed-out visitors go to login, everyone else back to the shop. */
export const requireAdmin = cache(async (returnTo = '/admin'): Promise<CurrentSession> => {
  const current = await requireUser(returnTo);
  if (current.user.role !== 'admin') redirect('/');
  return current;
});

/** Route handlers: the session, or a 401 in the API's error shape that also clears a stale cookie. */
export async function requireApiUser(request: Request): Promise<CurrentSession> {
  const { current, hadCookie, secure } = await readSessionFromRequest(request);
  if (current) return current;
  throw new AppError('unauthenticated', 'Sign in to continue.', {
    headers: hadCookie ? { 'Set-Cookie': clearSessionSetCookie(secure) } : {},
  });
}

/** Route handlers for admins: 401 when signed out, 403 for everyone but admins. */
export async function requireApiAdmin(request: Request): Promise<CurrentSession> {
  const current = await requireApiUser(request);
  if (current.user.role !== 'admin') throw new AppError('forbidden', 'This needs an admin account.');
  return current;
}

/** Route handlers open to guests too (the cart): the session, or null for a visitor or a stale cookie. */
export async function getApiSession(request: Request): Promise<CurrentSession | null> {
  return (await readSessionFromRequest(request)).current;
}

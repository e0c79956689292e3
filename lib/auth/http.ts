import 'server-only';
import { jsonAnswer, noStore } from '@/lib/http/no-store';
import { clientIp, clientUserAgent, deviceIp } from '@/lib/http/client-ip';
import {
  clearSessionSetCookie,
  readCookie,
  readSessionCookie,
  serializeCookie,
  sessionCookieOptions,
  sessionSetCookie,
  setSessionCookie,
  type CookieReader,
  type CookieWriter,
} from '@/lib/session';
import { toPublicUser } from '@/lib/access/public-user';
import type { AuthContext, AuthResult } from './auth';
import {
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  deviceCookieName,
  openDeviceCookie,
  sealDeviceCookie,
} from './device-cookie';
import { mailboxCookieName, mailboxCookieOptions, mailboxSetCookie, requestMailbox } from './mailbox-cookie';

// What sign-in needs from the request (who is asking, which account this browser has signed in to before, and the
// mailbox any mail it sends is kept in), and the answers of the sign-in and sign-out routes: they set or clear
// cookies, so no one caches them.

/** AuthContext as a request gives it: every part known, and whether the request came over https. */
export type SignInContext = Required<AuthContext> & { secure: boolean };

/** Route handlers (a Request) and server actions (next/headers' cookies() and headers()). */
export function signInContext(source: Request | { cookies: CookieReader; headers: Headers }): SignInContext {
  const { token, secure } = readSessionCookie(source);
  const cookie = (name: string) =>
    source instanceof Request
      ? readCookie(source.headers.get('cookie'), name)
      : source.cookies.get(name)?.value;
  return {
    secure,
    ip: clientIp(source.headers),
    deviceIp: deviceIp(source.headers),
    userAgent: clientUserAgent(source.headers),
    previousToken: token,
    trustedDevice: openDeviceCookie(cookie(deviceCookieName(secure))),
    mailbox: requestMailbox(cookie(mailboxCookieName(secure))),
  };
}

/** Server actions: the session cookie, and the device cookie that keeps this browser's own failure budget. */
export async function setSignedInCookies(
  cookies: CookieWriter,
  result: AuthResult,
  secure: boolean,
): Promise<void> {
  await setSessionCookie(cookies, result.token, secure, result.session.persistent);
  cookies.set(
    deviceCookieName(secure),
    await sealDeviceCookie(result.user.email),
    sessionCookieOptions(secure, DEVICE_COOKIE_MAX_AGE_SECONDS),
  );
}

/** Server actions that may send mail: the cookie of the mailbox it is kept in, if the mailbox is on. */
export function setMailboxCookie(cookies: CookieWriter, context: SignInContext): void {
  if (context.mailbox)
    cookies.set(mailboxCookieName(context.secure), context.mailbox, mailboxCookieOptions(context.secure));
}

/** Route handlers that may send mail: the same, on their answer. */
export function withMailboxCookie(response: Response, context: SignInContext): Response {
  if (context.mailbox)
    response.headers.append('Set-Cookie', mailboxSetCookie(context.mailbox, context.secure));
  return response;
}

/** The device cookie a sign-in leaves, as a Set-Cookie header value. */
async function deviceSetCookie(email: string, secure: boolean): Promise<string> {
  const options = sessionCookieOptions(secure, DEVICE_COOKIE_MAX_AGE_SECONDS);
  return serializeCookie(deviceCookieName(secure), await sealDeviceCookie(email), options);
}

export async function signedInResponse(
  result: AuthResult,
  secure: boolean,
  status: 200 | 201,
): Promise<Response> {
  const response = jsonAnswer({ user: toPublicUser(result.user) }, { status });
  response.headers.append(
    'Set-Cookie',
    await sessionSetCookie(result.token, secure, result.session.persistent),
  );
  response.headers.append('Set-Cookie', await deviceSetCookie(result.user.email, secure));
  return response;
}

function signedOutHeaders(secure: boolean): Record<string, string> {
  // Only the session cookie goes. Not Clear-Site-Data "cookies": the device cookie must outlive sign-out, or a
  // guesser could lock the owner out of the account right after they sign out (see device-cookie.ts).
  return noStore({ 'Set-Cookie': clearSessionSetCookie(secure) });
}

/** The API's logout answer: 204 that removes the cookie. */
export function signedOutResponse(secure: boolean): Response {
  return new Response(null, { status: 204, headers: signedOutHeaders(secure) });
}

/**
 * The sign-out form's answer: the same, as a 303 to the home page, so it works without JavaScript. The Location is
 * relative: behind a proxy the request's URL may name a host the browser never used.
 */
export function signedOutRedirect(secure: boolean): Response {
  return new Response(null, { status: 303, headers: { ...signedOutHeaders(secure), Location: '/' } });
}

import 'server-only';
import {
  clearSessionSetCookie,
  isSecureFromHeaders,
  sessionCookieName,
  sessionSetCookie,
  toPublicUser,
  tokenFromCookieValue,
} from '@/lib/session';
import {
  isSecureRequest,
  readCookie,
  sealToken,
  serializeCookie,
  sessionCookieOptions,
} from '@/lib/session/cookie';
import type { AuthContext, AuthResult } from './auth';
import { clientIp, clientUserAgent, deviceIp } from './client-ip';
import {
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  deviceCookieName,
  openDeviceCookie,
  sealDeviceCookie,
} from './device-cookie';

// What route handlers and server actions need around register/login/logout: who is asking, and the responses
// that set or clear the cookie. Such responses are never cached by anyone.

export type RequestAuthContext = AuthContext & { secure: boolean };

export async function authContextFromRequest(request: Request): Promise<RequestAuthContext> {
  const secure = isSecureRequest(request);
  return {
    secure,
    ip: clientIp(request.headers),
    deviceIp: deviceIp(request.headers),
    userAgent: clientUserAgent(request.headers),
    previousToken: await tokenFromCookieValue(
      readCookie(request.headers.get('cookie'), sessionCookieName(secure)),
    ),
    trustedDevice: await openDeviceCookie(
      readCookie(request.headers.get('cookie'), deviceCookieName(secure)),
    ),
  };
}

type CookieReader = { get(name: string): { value: string } | undefined };

export async function authContextFromHeaders(
  cookies: CookieReader,
  headers: Headers,
): Promise<RequestAuthContext> {
  const secure = isSecureFromHeaders(headers);
  return {
    secure,
    ip: clientIp(headers),
    deviceIp: deviceIp(headers),
    userAgent: clientUserAgent(headers),
    previousToken: await tokenFromCookieValue(cookies.get(sessionCookieName(secure))?.value),
    trustedDevice: await openDeviceCookie(cookies.get(deviceCookieName(secure))?.value),
  };
}

export async function signedInResponse(
  result: AuthResult,
  secure: boolean,
  status: 200 | 201,
): Promise<Response> {
  const response = Response.json(
    { user: toPublicUser(result.user) },
    { status, headers: { 'Cache-Control': 'no-store' } },
  );
  response.headers.append('Set-Cookie', await sessionSetCookie(result.token, secure));
  response.headers.append('Set-Cookie', await deviceSetCookie(result.user.email, secure));
  return response;
}

/** The device cookie a sign-in leaves, so this browser keeps its own failure budget for the account. */
async function deviceSetCookie(email: string, secure: boolean): Promise<string> {
  const options = sessionCookieOptions(secure, DEVICE_COOKIE_MAX_AGE_SECONDS);
  return serializeCookie(deviceCookieName(secure), await sealDeviceCookie(email), options);
}

function signedOutHeaders(secure: boolean): Record<string, string> {
  return {
    'Cache-Control': 'no-store',
    // Only the session cookie goes. Not Clear-Site-Data "cookies": the device cookie must outlive sign-out, or a
    // guesser could lock the owner out of the account right after they sign out (see device-cookie.ts).
    'Set-Cookie': clearSessionSetCookie(secure),
  };
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

type CookieWriter = {
  set(name: string, value: string, options: ReturnType<typeof sessionCookieOptions>): unknown;
};

/** Server actions: store the sealed token, and the device cookie, through next/headers' cookies(). */
export async function setSignedInCookies(
  cookies: CookieWriter,
  result: AuthResult,
  secure: boolean,
): Promise<void> {
  cookies.set(sessionCookieName(secure), await sealToken(result.token), sessionCookieOptions(secure));
  cookies.set(
    deviceCookieName(secure),
    await sealDeviceCookie(result.user.email),
    sessionCookieOptions(secure, DEVICE_COOKIE_MAX_AGE_SECONDS),
  );
}

/** Server actions: remove the session cookie. */
export function clearSessionCookie(cookies: CookieWriter, secure: boolean): void {
  cookies.set(sessionCookieName(secure), '', sessionCookieOptions(secure, 0));
}

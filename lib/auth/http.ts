import 'server-only';
import {
  clearSessionSetCookie,
  isSecureFromHeaders,
  sessionCookieName,
  sessionSetCookie,
  toPublicUser,
  tokenFromCookieValue,
} from '@/lib/session';
import { isSecureRequest, readCookie, sealToken, sessionCookieOptions } from '@/lib/session/cookie';
import type { AuthContext, AuthResult } from './auth';
import { clientIp, clientUserAgent, deviceIp } from './client-ip';

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
  return response;
}

function signedOutHeaders(secure: boolean): Record<string, string> {
  return {
    'Cache-Control': 'no-store',
    // Asks the browser to drop every cookie of this origin it still holds, not just the one we name.
    'Clear-Site-Data': '"cookies"',
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

/** Server actions: store the sealed token through next/headers' cookies(). */
export async function setSessionCookie(cookies: CookieWriter, token: string, secure: boolean): Promise<void> {
  cookies.set(sessionCookieName(secure), await sealToken(token), sessionCookieOptions(secure));
}

/** Server actions: remove the session cookie. */
export function clearSessionCookie(cookies: CookieWriter, secure: boolean): void {
  cookies.set(sessionCookieName(secure), '', sessionCookieOptions(secure, 0));
}

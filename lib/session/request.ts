import 'server-only';
import { clientIp, clientUserAgent, deviceIp } from '@/lib/http/client-ip';
import {
  isSecureRequest,
  readCookie,
  sealToken,
  sessionCookieName,
  sessionCookieOptions,
  sessionCookieOptionsFor,
  unsealToken,
  type SessionCookieOptions,
} from './cookie';

// What sign-in and sign-out need to know about the request in front of them (who is asking, the token the browser
// already holds), and the writes of the cookie itself from server actions.

/** Anything that reads cookies by name: next/headers' cookies(), a NextRequest's cookies. */
export type CookieReader = { get(name: string): { value: string } | undefined };

type CookieWriter = { set(name: string, value: string, options: SessionCookieOptions): unknown };

export type RequestAuthContext = {
  secure: boolean;
  /** For per-client limits: the client IP (an IPv6 /64), null when it is not known (see lib/http/client-ip.ts). */
  ip: string | null;
  /** For the device list only. */
  deviceIp: string | null;
  userAgent: string | null;
  /** The token of the cookie the request arrived with, if any: it is revoked, never carried into the new sign-in. */
  previousToken: string | null;
};

/** Whether a request seen only through next/headers (server components and actions) came over https. */
export function isSecureFromHeaders(headers: Headers): boolean {
  return isSecureRequest({ headers });
}

/** The raw token a request's cookie holds (valid or not), so login can revoke it: no session survives a login. */
export function tokenFromCookieValue(sealed: string | null | undefined): string | null {
  return sealed ? unsealToken(sealed) : null;
}

function contextFrom(headers: Headers, secure: boolean, previousToken: string | null): RequestAuthContext {
  return {
    secure,
    ip: clientIp(headers),
    deviceIp: deviceIp(headers),
    userAgent: clientUserAgent(headers),
    previousToken,
  };
}

/** Route handlers. */
export async function authContextFromRequest(request: Request): Promise<RequestAuthContext> {
  const secure = isSecureRequest(request);
  const sealed = readCookie(request.headers.get('cookie'), sessionCookieName(secure));
  return contextFrom(request.headers, secure, tokenFromCookieValue(sealed));
}

/** Server actions, from next/headers' cookies() and headers(). */
export async function authContextFromHeaders(
  cookies: CookieReader,
  headers: Headers,
): Promise<RequestAuthContext> {
  const secure = isSecureFromHeaders(headers);
  const sealed = cookies.get(sessionCookieName(secure))?.value;
  return contextFrom(headers, secure, tokenFromCookieValue(sealed));
}

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

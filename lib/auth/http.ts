import 'server-only';
import { noStore } from '@/lib/http/no-store';
import { clearSessionSetCookie, sessionSetCookie, toPublicUser } from '@/lib/session';
import type { AuthResult } from './auth';

// The answers of the sign-in and sign-out route handlers: they set or clear the cookie, so no one caches them.

export async function signedInResponse(
  result: AuthResult,
  secure: boolean,
  status: 200 | 201,
): Promise<Response> {
  const response = Response.json({ user: toPublicUser(result.user) }, { status, headers: noStore() });
  response.headers.append('Set-Cookie', await sessionSetCookie(result.token, secure));
  return response;
}

function signedOutHeaders(secure: boolean): Record<string, string> {
  return noStore({
    // Asks the browser to drop every cookie of this origin it still holds, not just the one we name.
    'Clear-Site-Data': '"cookies"',
    'Set-Cookie': clearSessionSetCookie(secure),
  });
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

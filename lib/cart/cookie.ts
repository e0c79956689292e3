import 'server-only';
import { randomBytes } from 'node:crypto';
import { requestIsHttps } from '@/lib/http/scheme';
import { readCookie, sealToken, sessionCookieOptions, unsealToken } from '@/lib/session';
import { GUEST_CART_TTL_SECONDS } from './store';

// A guest's cart is found through a cookie of its own, sealed like the session cookie (same secrets, same
// iron-session seal) and holding only a random id. It is set on the first add to the cart, never on a read,
// so browsing the catalog sets no cookie and writes nothing.

const SECURE_NAME = '__Host-cart';
const PLAIN_NAME = 'cart';
const GUEST_ID_BYTES = 24;
// base64url of 24 bytes: anything else inside a seal was not made here.
const GUEST_ID_FORMAT = /^[A-Za-z0-9_-]{32}$/;

export function newGuestId(): string {
  return randomBytes(GUEST_ID_BYTES).toString('base64url');
}

export function guestCartCookieName(secure: boolean): string {
  return secure ? SECURE_NAME : PLAIN_NAME;
}

export function guestCartCookieOptions(secure: boolean, maxAge = GUEST_CART_TTL_SECONDS) {
  return sessionCookieOptions(secure, maxAge);
}

export async function sealGuestId(guestId: string): Promise<string> {
  return sealToken(guestId);
}

/** The guest id inside a cart cookie value, or null for anything missing, tampered or foreign. */
export function openGuestCartCookie(sealed: string | null | undefined): string | null {
  if (!sealed) return null;
  const guestId = unsealToken(sealed);
  return guestId && GUEST_ID_FORMAT.test(guestId) ? guestId : null;
}

/** A Set-Cookie header value for the cart cookie; an empty value with Max-Age 0 removes it. */
export function guestCartSetCookie(sealed: string, secure: boolean, maxAge = GUEST_CART_TTL_SECONDS): string {
  const parts = [
    `${guestCartCookieName(secure)}=${sealed}`,
    'Path=/',
    `Max-Age=${maxAge}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** The guest id a route handler's request carries, and whether the request came over https. */
export async function guestIdFromRequest(
  request: Request,
): Promise<{ guestId: string | null; secure: boolean }> {
  const secure = requestIsHttps(request.headers);
  const sealed = readCookie(request.headers.get('cookie'), guestCartCookieName(secure));
  return { guestId: openGuestCartCookie(sealed), secure };
}

import 'server-only';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { env } from '@/lib/env';
import { signingKey } from '@/lib/tokens/keys';

// The JWT column of the lab: everything about the user is inside the signed cookie, read without asking Redis or the
// database. That is the point and the problem: nothing here can learn of a ban or a tier change until the token
// expires. This module must never import lib/session, lib/redis or lib/db, or the comparison would be dishonest.
//
// next-auth v4 encrypts its JWTs by default (JWE); the lab signs them instead (JWS, HS256, pinned), so the page can
// show what a JWT session usually is: a payload anyone holding the cookie can read.

export const LAB_JWT_MAX_AGE_SECONDS = 15 * 60;
export const LAB_AUTH_BASE_PATH = '/api/lab/auth';
export const LAB_COOKIE_SECURE = env.SITE_URL.startsWith('https://');
/** Its own names, so next-auth's cookies cannot collide with the storefront's `sid`. */
export const LAB_COOKIES = {
  sessionToken: 'lab.session-token',
  csrfToken: 'lab.csrf-token',
  callbackUrl: 'lab.callback-url',
} as const;

const ALGORITHM = 'HS256';

export type LabClaims = {
  sub: string;
  email: string;
  name: string;
  role: 'shopper' | 'admin';
  tier: 'standard' | 'premium';
  banned: boolean;
  iat: number;
  exp: number;
};

/** The key next-auth's `secret` and our signature use: derived from SESSION_SECRET for this purpose only. */
export function labJwtKey(): Uint8Array {
  return signingKey('lab-jwt');
}

export async function encodeLabJwt(
  token: JWTPayload,
  maxAgeSeconds = LAB_JWT_MAX_AGE_SECONDS,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...token })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAgeSeconds)
    .sign(labJwtKey());
}

export async function decodeLabJwt(token: string | null | undefined): Promise<LabClaims | null> {
  if (!token || token.length > 4096) return null;
  try {
    const { payload } = await jwtVerify(token, labJwtKey(), { algorithms: [ALGORITHM] });
    const { sub, email, name, role, tier, banned, iat, exp } = payload as Partial<LabClaims>;
    if (
      typeof sub !== 'string' ||
      typeof email !== 'string' ||
      typeof iat !== 'number' ||
      typeof exp !== 'number'
    )
      return null;
    if ((role !== 'shopper' && role !== 'admin') || (tier !== 'standard' && tier !== 'premium')) return null;
    return { sub, email, name: name ?? '', role, tier, banned: banned === true, iat, exp };
  } catch {
    return null;
  }
}

/** The lab JWT's cookie value in a Cookie header, if any. */
function labJwtFromCookieHeader(header: string | null): string | null {
  for (const part of header?.split(';') ?? []) {
    const [name, ...value] = part.trim().split('=');
    if (name !== LAB_COOKIES.sessionToken) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      // A malformed escape is not a token we made.
      return null;
    }
  }
  return null;
}

/** The user as the JWT says, from the request's cookie alone: no Redis, no database. */
export function readLabJwt(request: Request): Promise<LabClaims | null> {
  return decodeLabJwt(labJwtFromCookieHeader(request.headers.get('cookie')));
}

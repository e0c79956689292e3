import 'server-only';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { AppError } from '@/lib/http/errors';
import { derivedKeys, passwordFingerprint, signingKey } from './keys';

// Short-lived, purpose-bound JWTs for links sent by mail. This is where a self-contained signed token fits: the
// link must carry its own proof, and each purpose is single-use by construction (a reset is bound to the password
// it replaces; verifying an email twice changes nothing). The algorithm is pinned: "none", RS256 with our key as a
// public key, or another HMAC size are all refused.

const TOKEN_ALGORITHM = 'HS256';
const ISSUER = 'northwind-storefront';

const claimSchemas = {
  'password-reset': z.object({ sub: z.string().min(1), pwd: z.string().min(1) }),
  'verify-email': z.object({ sub: z.string().min(1), email: z.string().min(1) }),
};

export const TOKEN_LIFETIME_SECONDS = { 'password-reset': 15 * 60, 'verify-email': 24 * 3600 } as const;

export type TokenPurpose = keyof typeof claimSchemas;
export type TokenClaims<P extends TokenPurpose> = z.infer<(typeof claimSchemas)[P]>;
type VerifiedToken<P extends TokenPurpose> = TokenClaims<P> & { iat: number; exp: number };

/** Tests inject the clock and the secrets; the app uses now and SESSION_SECRET. */
type TokenOptions = { now?: number; secrets?: string[] };

export async function issueToken<P extends TokenPurpose>(
  purpose: P,
  claims: TokenClaims<P>,
  options: TokenOptions = {},
): Promise<string> {
  const { sub, ...rest } = claimSchemas[purpose].parse(claims) as TokenClaims<P>;
  const issuedAt = Math.floor((options.now ?? Date.now()) / 1000);
  return new SignJWT({ ...rest, purpose })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(purpose)
    .setSubject(sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS[purpose])
    .setJti(randomBytes(12).toString('base64url'))
    .sign(signingKey(`token:${purpose}`, options.secrets));
}

export function invalidTokenError(): AppError {
  return new AppError('invalid_token', 'This link is invalid or has expired. Ask for a new one.');
}

/** The token's claims when it is genuine, unexpired and made for this purpose; otherwise 400 invalid_token. */
export async function verifyToken<P extends TokenPurpose>(
  purpose: P,
  token: string,
  options: TokenOptions = {},
): Promise<VerifiedToken<P>> {
  for (const key of derivedKeys(`token:${purpose}`, options.secrets)) {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: ISSUER,
        audience: purpose,
        requiredClaims: ['iat', 'exp', 'sub'],
        currentDate: options.now === undefined ? undefined : new Date(options.now),
      });
      const claims = claimSchemas[purpose].safeParse(payload);
      if (payload.purpose !== purpose || !claims.success) break;
      return { ...(claims.data as TokenClaims<P>), iat: payload.iat as number, exp: payload.exp as number };
    } catch (error) {
      // Only a signature that does not match this key is worth trying the next (rotated) key for.
      if (!(error instanceof joseErrors.JWSSignatureVerificationFailed)) break;
    }
  }
  throw invalidTokenError();
}

/** The `pwd` claim of a password-reset token for this password hash. */
export { passwordFingerprint };

/** Whether a reset token was issued under this password hash (it has not changed since). */
export function matchesPassword(fingerprint: string, passwordHash: string, secrets?: string[]): boolean {
  const expected = Buffer.from(passwordFingerprint(passwordHash, secrets));
  const given = Buffer.from(fingerprint);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

import 'server-only';
import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { paymentsSecrets } from '@/lib/env';

// The one place this app uses JWTs on purpose: a short-lived call from the checkout to the payments service,
// with no user session in it. HS256 with a key of its own (PAYMENTS_JWT_SECRET), pinned on verify, so a token
// signed with alg "none", another algorithm or another key, or with a changed payload, is refused; so is one
// for another audience, from another issuer, expired, or valid for longer than a minute.

const SERVICE_TOKEN_AUDIENCE = 'payments';
const SERVICE_TOKEN_ISSUER = 'storefront';
const SERVICE_TOKEN_MAX_SECONDS = 60;
const ALGORITHM = 'HS256';

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function signServiceToken(
  options: { secrets?: string[]; lifetimeSeconds?: number; now?: number } = {},
): Promise<string> {
  const [secret] = options.secrets ?? paymentsSecrets();
  if (!secret) throw new Error('PAYMENTS_JWT_SECRET is empty.');
  const issuedAt = Math.floor((options.now ?? Date.now()) / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setIssuer(SERVICE_TOKEN_ISSUER)
    .setAudience(SERVICE_TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.lifetimeSeconds ?? 30))
    .setJti(randomUUID())
    .sign(keyOf(secret));
}

/** True only for a token this app signed for the payments service within the last minute. */
export async function verifyServiceToken(
  token: string,
  secrets: string[] = paymentsSecrets(),
): Promise<boolean> {
  for (const secret of secrets) {
    try {
      const { payload } = await jwtVerify(token, keyOf(secret), {
        algorithms: [ALGORITHM],
        audience: SERVICE_TOKEN_AUDIENCE,
        issuer: SERVICE_TOKEN_ISSUER,
        requiredClaims: ['iat', 'exp', 'jti'],
        maxTokenAge: SERVICE_TOKEN_MAX_SECONDS,
      });
      return (payload.exp as number) - (payload.iat as number) <= SERVICE_TOKEN_MAX_SECONDS;
    } catch (error) {
      // Another key may still match during a rotation; any other failure is final.
      if (!(error instanceof errors.JWSSignatureVerificationFailed)) return false;
    }
  }
  return false;
}

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

import 'server-only';
import { AppError } from '@/lib/http/errors';
import type { LabAnswer } from './answers';
import { readLabJwt, type LabClaims } from './jwt';

// GET /api/lab/jwt-me: the user as the JWT says. No Redis, no database: fast, and stale until the token expires.

export function answerFromClaims(claims: LabClaims, redisLookups: number): LabAnswer {
  return {
    user: {
      id: claims.sub,
      email: claims.email,
      role: claims.role,
      tier: claims.tier,
      banned: claims.banned,
    },
    issuedAt: new Date(claims.iat * 1000).toISOString(),
    expiresAt: new Date(claims.exp * 1000).toISOString(),
    redisLookups,
  };
}

export function noLabJwtError(): AppError {
  return new AppError('unauthenticated', 'No valid lab JWT: try the lab, or sign in to it.');
}

export async function jwtMe(request: Request): Promise<LabAnswer> {
  const claims = await readLabJwt(request);
  if (!claims) throw noLabJwtError();
  return answerFromClaims(claims, 0);
}

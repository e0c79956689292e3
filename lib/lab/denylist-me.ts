import 'server-only';
import { AppError } from '@/lib/http/errors';
import type { LabAnswer } from './answers';
import { getDenyList } from './denylist';
import { answerFromClaims, noLabJwtError } from './jwt-me';
import { readLabJwt } from './jwt';

// GET /api/lab/denylist-me: the JWT, plus one Redis look-up per request to learn whether its user was banned since.
// It catches the ban, but not a tier or role change, and it costs the round trip the JWT was meant to save.

export async function denylistMe(request: Request): Promise<LabAnswer> {
  const claims = await readLabJwt(request);
  if (!claims) throw noLabJwtError();
  if (await getDenyList().isDenied(claims.sub)) {
    throw new AppError('banned', 'This token is valid, but its user is on the deny-list.', {
      details: { redisLookups: 1 },
    });
  }
  return answerFromClaims(claims, 1);
}

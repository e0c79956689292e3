import 'server-only';
import { AppError } from '@/lib/http/errors';
import { readSessionCookie } from '@/lib/session';
import { checkSession } from '@/lib/users';
import type { LabAnswer } from './answers';

// GET /api/lab/redis-me: the storefront's own check. One round trip reads the session and the user's current role,
// tier and ban state; a banned user's session is revoked on the spot.

export async function redisMe(request: Request): Promise<LabAnswer> {
  const { current } = await checkSession(readSessionCookie(request).token);
  if (!current)
    throw new AppError('unauthenticated', 'No storefront session: signed out, revoked or banned.');
  const { user, session } = current;
  return {
    user: { id: user.id, email: user.email, role: user.role, tier: user.tier, banned: false },
    issuedAt: new Date(session.createdAt).toISOString(),
    expiresAt: new Date(session.idleExpiresAt).toISOString(),
    redisLookups: 1,
  };
}

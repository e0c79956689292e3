import 'server-only';
import { toUserAccess, USER_ACCESS_SELECT, type UserAccess } from '@/lib/access';
import { db } from '@/lib/db';
import { createSessionCheck } from '@/lib/session';
import { getSessionStore } from '@/lib/session/store';

// The session check with the user table behind it: lib/users owns the user record, so the database reload when
// Redis lost it (eviction, flush, or an admin change that dropped it on purpose) lives here, not in lib/session.

async function reload(userId: string): Promise<UserAccess | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: USER_ACCESS_SELECT });
  if (!row) return null;
  const user = toUserAccess(row);
  // Versioned: an admin change written while we read the database is newer and is kept.
  await getSessionStore().cacheUser(user);
  return user;
}

async function banReason(userId: string): Promise<string | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { banReason: true } });
  return row?.banReason ?? null;
}

/** The one check: the session behind a token (null: none), or the ban that ended it (lib/session createSessionCheck). */
export const checkSession = createSessionCheck({ reload, banReason });

import 'server-only';
import { USER_FIELDS } from '@/lib/auth/auth';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import { toSessionUser } from '@/lib/session';
import { getSessionStore } from '@/lib/session/store';
import { getDenyList } from './denylist';

// The lab's ban, unban and tier change, as the admin console makes them: the database, then the Redis user record
// every storefront request reads (so the Redis column sees it at once), and for a ban the deny-list entry. Only lab
// users can be changed from here.
// When lib/users (issue 7) lands, the first two steps become its banUser/unbanUser/setTier; the deny-list step stays.

async function changeLabUser(
  userId: string,
  data: {
    bannedAt?: Date | null;
    bannedUntil?: Date | null;
    banReason?: string | null;
    tier?: 'standard' | 'premium';
  },
) {
  const { count } = await db.user.updateMany({ where: { id: userId, isLabUser: true }, data });
  if (count !== 1) throw new AppError('forbidden', 'Only lab users can be changed from the lab.');
  const row = await db.user.findUniqueOrThrow({ where: { id: userId }, select: USER_FIELDS });
  // No onlyIfMissing: this is the change, it overwrites whatever the record said.
  await getSessionStore().cacheUser(toSessionUser(row));
}

export async function banLabUser(userId: string): Promise<void> {
  await changeLabUser(userId, {
    bannedAt: new Date(),
    bannedUntil: null,
    banReason: 'Banned in the JWT lab',
  });
  await getDenyList().deny(userId);
}

export async function unbanLabUser(userId: string): Promise<void> {
  await changeLabUser(userId, { bannedAt: null, bannedUntil: null, banReason: null });
  await getDenyList().allow(userId);
}

export async function setLabUserTier(userId: string, tier: 'standard' | 'premium'): Promise<void> {
  await changeLabUser(userId, { tier });
}

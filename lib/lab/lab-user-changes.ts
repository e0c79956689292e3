import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import { banUser, setUserTier, SYSTEM_ACTOR, unbanUser } from '@/lib/users';
import { getDenyList } from './denylist';

// The lab's ban, unban and tier change go through the admin console's own code (lib/users: the database, the Redis
// user record every storefront request reads, the audit row), so the Redis column shows exactly what a real ban
// does. The deny-list the third column checks is written only where a ban remembers to: the lab's listed ban does,
// the admin console's ban (and the lab's unlisted one, the same code) does not, which is the lesson. Only lab users
// can be changed from here.

async function requireLabUser(userId: string): Promise<void> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { isLabUser: true } });
  if (!row?.isLabUser) throw new AppError('forbidden', 'Only lab users can be changed from the lab.');
}

/** Bans the lab user; `writeDenyList: false` bans it as the admin console does, telling the deny-list nothing. */
export async function banLabUser(
  userId: string,
  { writeDenyList }: { writeDenyList: boolean },
): Promise<void> {
  await requireLabUser(userId);
  await banUser(userId, { reason: 'Banned in the JWT lab', durationSeconds: null }, SYSTEM_ACTOR);
  if (writeDenyList) await getDenyList().deny(userId);
}

export async function unbanLabUser(userId: string): Promise<void> {
  await requireLabUser(userId);
  await unbanUser(userId, SYSTEM_ACTOR);
  await getDenyList().allow(userId);
}

export async function setLabUserTier(userId: string, tier: 'standard' | 'premium'): Promise<void> {
  await requireLabUser(userId);
  await setUserTier(userId, tier, SYSTEM_ACTOR);
}

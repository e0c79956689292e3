import 'server-only';
import { db } from '@/lib/db';
import { isDatabaseRefusal } from '@/lib/db/errors';
import type { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/http/errors';
import { parseSessionId } from '@/lib/session/keys';
import { getSessionStore, type SessionStore } from '@/lib/session/store';
import { userEventMessage, type UserEventKind } from '@/lib/access/events';
import type { AuditAction, BanInput } from './schema';
import { banNoticeMs, toUserAccess, type Role, type Tier } from '@/lib/access';
import { toAdminUser, USER_DETAIL_SELECT, userStatus, type AdminUser, type UserDetailRow } from './view';

// The one owner of a change of a user: PostgreSQL first (row locked, version bumped, audit row), Redis last before
// the commit, so an unreachable Redis rolls everything back (docs/sessions.md#who-changes-a-user).

/** Who acts, for the audit log: an admin, or no one (id null) for the seed and maintenance scripts. */
export type Actor = { id: string | null; ip: string | null };

export const SYSTEM_ACTOR: Actor = { id: null, ip: null };
export type ChangeOptions = { store?: SessionStore; now?: Date };

type Tx = Prisma.TransactionClient;

type Step = {
  data: Prisma.UserUpdateInput;
  reason?: string;
  /** Revoke every session; with a ban, each leaves a notice saying why. */
  revokeSessions?: boolean;
  event: UserEventKind;
};

function notFound(): AppError {
  return new AppError('not_found', 'No such user.');
}

function auditView(row: UserDetailRow) {
  return {
    role: row.role,
    tier: row.tier,
    bannedAt: row.bannedAt?.toISOString() ?? null,
    bannedUntil: row.bannedUntil?.toISOString() ?? null,
    banReason: row.banReason,
  };
}

/**
 * Locks the target's row, every admin's and the acting admin's (one statement, in id order, so two changes never
 * deadlock), and returns the target and how many admins other than it can still act. The actor is re-read under
 * the same lock: the gate checked them before the transaction, and a ban or demotion that committed since (a
 * request of theirs in flight while another admin acts) must stop the change.
 */
async function lockForChange(tx: Tx, userId: string, actor: Actor, now: Date) {
  // The system actor has no row: the target stands in for it.
  const actorId = actor.id ?? userId;
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE id = ${userId} OR id = ${actorId} OR role = 'admin' ORDER BY id FOR UPDATE`;
  if (!locked.some((row) => row.id === userId)) throw notFound();
  const [before, otherActiveAdmins, acting] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: userId }, select: USER_DETAIL_SELECT }),
    tx.user.count({
      where: {
        role: 'admin',
        id: { not: userId },
        OR: [{ bannedAt: null }, { bannedUntil: { lte: now } }],
      },
    }),
    actor.id === null ? null : tx.user.findUnique({ where: { id: actor.id }, select: ACTING_SELECT }),
  ]);
  if (actor.id !== null) refuseInactiveActor(acting, now);
  return { before, otherActiveAdmins };
}

const ACTING_SELECT = { role: true, bannedAt: true, bannedUntil: true } as const;

function refuseInactiveActor(
  acting: Pick<UserDetailRow, 'role' | 'bannedAt' | 'bannedUntil'> | null,
  now: Date,
) {
  if (!acting || acting.role !== 'admin' || userStatus(acting, now) === 'banned') {
    throw new AppError('forbidden', 'Your account is no longer an active admin; nothing was changed.');
  }
}

/**
 * For a change that locks no user row (revoking sessions): a share lock on the actor's row waits for a ban or
 * demotion of theirs in progress, then the actor is re-read as in lockForChange.
 */
async function lockActor(tx: Tx, actor: Actor, now: Date) {
  if (actor.id === null) return;
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.id} FOR SHARE`;
  refuseInactiveActor(await tx.user.findUnique({ where: { id: actor.id }, select: ACTING_SELECT }), now);
}

function refuseSelf(actor: Actor, userId: string, what: string) {
  if (actor.id === userId) throw new AppError('self_action', `You cannot ${what} your own account.`);
}

function refuseLastAdmin(before: UserDetailRow, otherActiveAdmins: number, what: string) {
  if (before.role === 'admin' && otherActiveAdmins === 0) {
    throw new AppError('last_admin', `This is the last admin: promote someone else before you ${what} it.`);
  }
}

async function writeAudit(
  tx: Tx,
  actor: Actor,
  action: AuditAction,
  target: { id: string; email: string },
  data: Record<string, unknown>,
) {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      action,
      targetUserId: target.id,
      ip: actor.ip,
      // The target's email is kept in the row: a deleted user's id goes to null, the trail stays readable.
      data: { target: { id: target.id, email: target.email }, ...data } as Prisma.InputJsonObject,
    },
  });
}

async function change(
  userId: string,
  actor: Actor,
  action: AuditAction,
  options: ChangeOptions,
  plan: (before: UserDetailRow, otherActiveAdmins: number, now: Date) => Step | null,
): Promise<AdminUser> {
  const store = options.store ?? getSessionStore();
  const now = options.now ?? new Date();
  let redisWritten = false;
  try {
    return await db.$transaction(async (tx) => {
      const { before, otherActiveAdmins } = await lockForChange(tx, userId, actor, now);
      const step = plan(before, otherActiveAdmins, now);
      // Nothing to change (same tier, unban of someone not banned): no version, no audit row, no event.
      if (!step) return toAdminUser(before, now);
      const after = await tx.user.update({
        where: { id: userId },
        data: { ...step.data, accessVersion: { increment: 1 } },
        select: USER_DETAIL_SELECT,
      });
      await writeAudit(tx, actor, action, before, {
        reason: step.reason ?? null,
        before: auditView(before),
        after: auditView(after),
      });
      const access = toUserAccess(after);
      await store.applyUserChange({
        userId,
        user: access,
        revokeSessions: step.revokeSessions ?? false,
        banNoticeMs: step.event === 'banned' ? banNoticeMs(access, now.getTime()) : 0,
        event: userEventMessage({ userId, kind: step.event }),
      });
      redisWritten = true;
      return toAdminUser(after, now);
    });
  } catch (error) {
    if (redisWritten) await dropAfterFailedCommit(store, userId);
    throw error;
  }
}

async function dropAfterFailedCommit(store: SessionStore, userId: string) {
  await store.dropUser(userId).catch((error: unknown) => {
    console.error('Could not drop the Redis record of a change whose commit failed', error);
  });
}

/** Bans a user: every session ends at once and answers "banned" with the reason on its next request. */
export function banUser(userId: string, input: BanInput, actor: Actor, options: ChangeOptions = {}) {
  return change(userId, actor, 'user.ban', options, (before, otherActiveAdmins, now) => {
    refuseSelf(actor, userId, 'ban');
    refuseLastAdmin(before, otherActiveAdmins, 'ban');
    const until =
      input.durationSeconds === null ? null : new Date(now.getTime() + input.durationSeconds * 1000);
    return {
      data: { bannedAt: now, bannedUntil: until, banReason: input.reason },
      reason: input.reason,
      revokeSessions: true,
      event: 'banned',
    };
  });
}

/**
 * Lifts a ban (or clears the record of one that ran out). The user signs in again. Never one's own: a banned admin's
 * request in flight would otherwise lift the ban that just ended their sessions.
 */
export function unbanUser(userId: string, actor: Actor, options: ChangeOptions = {}) {
  return change(userId, actor, 'user.unban', options, (before) => {
    refuseSelf(actor, userId, 'lift a ban on');
    return before.bannedAt === null
      ? null
      : { data: { bannedAt: null, bannedUntil: null, banReason: null }, event: 'changed' };
  });
}

/** Standard or premium: prices and the badge follow on the user's next request, on every device. */
export function setUserTier(userId: string, tier: Tier, actor: Actor, options: ChangeOptions = {}) {
  return change(userId, actor, 'user.set_tier', options, (before) =>
    before.tier === tier ? null : { data: { tier }, event: 'changed' },
  );
}

/**
 * Shopper or admin: /admin opens or closes on the user's next request. Never one's own role, either way: demoting
 * oneself could leave no admin, and a demoted admin's request in flight would otherwise promote them back.
 */
export function setUserRole(userId: string, role: Role, actor: Actor, options: ChangeOptions = {}) {
  return change(userId, actor, 'user.set_role', options, (before, otherActiveAdmins) => {
    refuseSelf(actor, userId, 'change the role of');
    if (before.role === role) return null;
    if (role !== 'admin') refuseLastAdmin(before, otherActiveAdmins, 'demote');
    return { data: { role }, event: 'changed' };
  });
}

/** Deletes the account and every session of it. A user with orders is kept (409): orders reference their buyer. */
/**
 * Before a user's row goes without an admin's change (the lab's throwaway accounts, lib/lab): every session and the
 * Redis record go first.
 */
export async function forgetUserSessions(
  userId: string,
  store: SessionStore = getSessionStore(),
): Promise<void> {
  await store.revokeAllSessions(userId);
  await store.dropUser(userId);
}

export async function deleteUser(userId: string, actor: Actor, options: ChangeOptions = {}): Promise<void> {
  const store = options.store ?? getSessionStore();
  const now = options.now ?? new Date();
  refuseSelf(actor, userId, 'delete');
  try {
    await db.$transaction(async (tx) => {
      const { before, otherActiveAdmins } = await lockForChange(tx, userId, actor, now);
      refuseLastAdmin(before, otherActiveAdmins, 'delete');
      await writeAudit(tx, actor, 'user.delete', before, {
        reason: null,
        before: auditView(before),
        after: null,
      });
      await tx.user.delete({ where: { id: userId } });
      await store.applyUserChange({
        userId,
        user: null,
        revokeSessions: true,
        event: userEventMessage({ userId, kind: 'deleted' }),
      });
    });
  } catch (error) {
    if (isDatabaseRefusal(error, 'foreignKey')) {
      throw new AppError('conflict', 'This user has orders; ban the account instead of deleting it.');
    }
    throw error;
  }
}

async function revokeWithAudit(
  userId: string,
  actor: Actor,
  action: AuditAction,
  options: ChangeOptions,
  revoke: (store: SessionStore) => Promise<number>,
): Promise<number> {
  const store = options.store ?? getSessionStore();
  return db.$transaction(async (tx) => {
    await lockActor(tx, actor, options.now ?? new Date());
    const target = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!target) throw notFound();
    const revoked = await revoke(store);
    await writeAudit(tx, actor, action, target, { reason: null, before: null, after: { revoked } });
    await store.publishUserEvent(userEventMessage({ userId, kind: 'revoked' }));
    return revoked;
  });
}

/** Signs one session out, by its public id. 404 when no live session has that id. */
export async function revokeSessionAsAdmin(sessionId: string, actor: Actor, options: ChangeOptions = {}) {
  const store = options.store ?? getSessionStore();
  // A public session id names its user (lib/session/keys.ts); whether it is one of that user's live sessions is
  // for the store to say.
  const userId = parseSessionId(sessionId)?.userId;
  if (!userId) throw new AppError('not_found', 'No such session.');
  await revokeWithAudit(userId, actor, 'session.revoke', { ...options, store }, async (s) => {
    if (!(await s.revokeSessionById(userId, sessionId))) throw new AppError('not_found', 'No such session.');
    return 1;
  });
}

/** Signs the user out everywhere. Returns how many sessions ended. */
export function revokeAllSessions(userId: string, actor: Actor, options: ChangeOptions = {}) {
  return revokeWithAudit(userId, actor, 'user.revoke_sessions', options, (store) =>
    store.revokeAllSessions(userId),
  );
}

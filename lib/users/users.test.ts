import { describe, expect, it, vi } from 'vitest';
import { login, register } from '@/lib/auth/auth';
import { registerSchema } from '@/lib/auth/schema';
import { uniqueEmail } from '@/test/auth';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import { createRedisSubscriber, redisConfigFromEnv } from '@/lib/redis';
import { TRANSPORTS, unreachableRedis } from '@/test/redis';
import { checkSession } from './session-check';
import { createSessionStore, getSessionStore, type SessionStore } from '@/lib/session/store';
import { toUserAccess, USER_ACCESS_SELECT } from '@/lib/access';
import type { UserEvent } from '@/lib/access/events';
import { createUserEventHub } from './events';
import {
  banUser,
  deleteUser,
  revokeAllSessions,
  setUserRole,
  setUserTier,
  SYSTEM_ACTOR,
  unbanUser,
  type Actor,
} from './index';

const PASSWORD = 'a long enough password';
const context = { ip: null, deviceIp: null, userAgent: 'vitest', previousToken: null };

async function registered() {
  const email = uniqueEmail();
  const result = await register(registerSchema.parse({ email, password: PASSWORD, name: 'U' }), context);
  return { email, ...result };
}

async function admin() {
  const account = await registered();
  await setUserRole(account.user.id, 'admin', SYSTEM_ACTOR);
  return { ...account, actor: { id: account.user.id, ip: '198.51.100.1' } };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'passed';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

const freshCopy = async (id: string) =>
  toUserAccess(await db.user.findUniqueOrThrow({ where: { id }, select: USER_ACCESS_SELECT }));

/** The session store, with a change's Redis step (its last step before the commit) held until `release`. */
function heldStore() {
  const store = getSessionStore();
  let release!: () => void;
  let reached!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const reachedStep = new Promise<void>((resolve) => (reached = resolve));
  const held: SessionStore = Object.assign(Object.create(store) as SessionStore, {
    applyUserChange: async (change: Parameters<SessionStore['applyUserChange']>[0]) => {
      reached();
      await released;
      return store.applyUserChange(change);
    },
  });
  return { held, reachedStep, release };
}

/** Resolves once at least `count` statements of this database wait for a lock. */
async function lockWaiters(count: number) {
  await vi.waitFor(async () => {
    const [row] = await db.$queryRaw<{ waiting: bigint }[]>`
      SELECT count(*) AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    expect(Number(row?.waiting)).toBeGreaterThanOrEqual(count);
  });
}

describe('changes of a user', () => {
  it('ends every session at once and answers the next request "banned" with the reason and end', async () => {
    const { actor } = await admin();
    const { user, token } = await registered();
    const now = new Date();
    const banned = await banUser(user.id, { reason: 'Chargebacks', durationSeconds: 3600 }, actor, { now });
    expect(banned).toMatchObject({ status: 'banned', banReason: 'Chargebacks' });
    expect(await getSessionStore().listUserSessions(user.id)).toEqual([]);
    const state = await checkSession(token);
    expect(state.current).toBeNull();
    expect(state.banned).toMatchObject({ reason: 'Chargebacks', until: now.getTime() + 3_600_000 });
    const audit = await db.auditLog.findMany({ where: { targetUserId: user.id, action: 'user.ban' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: actor.id, ip: actor.ip });
    expect(audit[0]?.data).toMatchObject({ reason: 'Chargebacks', before: { bannedAt: null } });
  });

  it('answers "banned" while the ban is in Redis but not yet committed in the database, "signed out" once lifted', async () => {
    const { user, token } = await registered();
    const before = await freshCopy(user.id);
    const store = getSessionStore();
    // What banUser's Lua step writes, a moment before its transaction commits: the record, no sessions, notices.
    const bannedCopy = { ...before, bannedAt: Date.now(), bannedUntil: null, version: before.version + 1 };
    await store.applyUserChange({
      userId: user.id,
      user: bannedCopy,
      revokeSessions: true,
      banNoticeMs: 60_000,
      event: '{}',
    });
    const uncommitted = await checkSession(token);
    expect(uncommitted.current).toBeNull();
    expect(uncommitted.banned).toMatchObject({ userId: user.id, reason: null, until: null });
    // The ban is lifted (the record again unbanned): the notice goes and the browser is simply signed out.
    await store.applyUserChange({
      userId: user.id,
      user: { ...bannedCopy, bannedAt: null, version: bannedCopy.version + 1 },
      revokeSessions: false,
      event: '{}',
    });
    expect(await checkSession(token)).toEqual({ current: null, banned: null });
    expect(await store.readBanNotice(token)).toBeNull();
  });

  it('login-vs-ban race: a login that read the user before the ban cannot write the unbanned copy back', async () => {
    const { user } = await registered();
    const staleCopy = await freshCopy(user.id);
    await banUser(user.id, { reason: 'Race', durationSeconds: null }, SYSTEM_ACTOR);
    // The racing login creates its session after the ban, with what it read before.
    const { token } = await getSessionStore().createSession(staleCopy, { ip: null, userAgent: null });
    const state = await checkSession(token);
    expect(state.current).toBeNull();
    expect(state.banned?.reason).toBe('Race');
  });

  it('demoted admin: an older admin copy never wins, and signing in again gets the new role', async () => {
    const { user, email } = await admin();
    const staleAdmin = await freshCopy(user.id);
    await setUserRole(user.id, 'shopper', SYSTEM_ACTOR);
    const { token } = await getSessionStore().createSession(staleAdmin, { ip: null, userAgent: null });
    expect((await checkSession(token)).current?.user.role).toBe('shopper');
    const again = await login({ email, password: PASSWORD }, context);
    expect(again.user.role).toBe('shopper');
    expect((await checkSession(again.token)).current?.user.role).toBe('shopper');
  });

  it('a tier change reaches a live session on its next request, without re-login', async () => {
    const { user, token } = await registered();
    await setUserTier(user.id, 'premium', SYSTEM_ACTOR);
    expect((await checkSession(token)).current?.user.tier).toBe('premium');
  });

  it('changes nothing, and writes no audit row, when the value is already set', async () => {
    const { user } = await registered();
    const before = await freshCopy(user.id);
    await setUserTier(user.id, 'standard', SYSTEM_ACTOR);
    await unbanUser(user.id, SYSTEM_ACTOR);
    expect((await freshCopy(user.id)).version).toBe(before.version);
    expect(await db.auditLog.count({ where: { targetUserId: user.id } })).toBe(0);
  });

  it('a timed ban lifts by itself: the user signs in again once it has ended', async () => {
    const { user, email } = await registered();
    // Banned two hours ago for one hour.
    await banUser(user.id, { reason: 'Cool off', durationSeconds: 3600 }, SYSTEM_ACTOR, {
      now: new Date(Date.now() - 7_200_000),
    });
    const again = await login({ email, password: PASSWORD }, context);
    expect((await checkSession(again.token)).current?.user.id).toBe(user.id);
  });

  it('unban lets the user sign in again', async () => {
    const { user, email } = await registered();
    await banUser(user.id, { reason: 'Oops', durationSeconds: null }, SYSTEM_ACTOR);
    expect(await codeOf(login({ email, password: PASSWORD }, context))).toBe('banned');
    expect((await unbanUser(user.id, SYSTEM_ACTOR)).status).toBe('active');
    expect((await login({ email, password: PASSWORD }, context)).user.id).toBe(user.id);
  });

  it('refuses to ban, demote or delete yourself', async () => {
    const { actor } = await admin();
    const ban = banUser(actor.id, { reason: 'x', durationSeconds: null }, actor);
    expect(await codeOf(ban)).toBe('self_action');
    expect(await codeOf(setUserRole(actor.id, 'shopper', actor))).toBe('self_action');
    expect(await codeOf(deleteUser(actor.id, actor))).toBe('self_action');
    expect((await freshCopy(actor.id)).role).toBe('admin');
  });

  it('refuses to lift your own ban or change your own role, changing nothing', async () => {
    const { actor } = await admin();
    const before = await freshCopy(actor.id);
    expect(await codeOf(unbanUser(actor.id, actor))).toBe('self_action');
    expect(await codeOf(setUserRole(actor.id, 'admin', actor))).toBe('self_action');
    expect(await freshCopy(actor.id)).toEqual(before);
    expect(await db.auditLog.count({ where: { targetUserId: actor.id, actorId: actor.id } })).toBe(0);
  });

  it("race: a ban by another admin always stands against the banned admin's own unbans in flight", async () => {
    const { actor: other } = await admin();
    for (let round = 0; round < 12; round += 1) {
      const { actor } = await admin();
      const ban = banUser(actor.id, { reason: 'Race', durationSeconds: null }, other);
      const selfUnbans = [1, 2, 3].map(() => codeOf(unbanUser(actor.id, actor)));
      await ban;
      await Promise.all(selfUnbans);
      expect((await freshCopy(actor.id)).bannedAt, `round ${round}`).not.toBeNull();
    }
  });

  it("race: a demotion by another admin always stands against the demoted admin's own promotions in flight", async () => {
    const { actor: other } = await admin();
    for (let round = 0; round < 12; round += 1) {
      const { actor } = await admin();
      const demotion = setUserRole(actor.id, 'shopper', other);
      const selfPromotions = [1, 2, 3].map(() => codeOf(setUserRole(actor.id, 'admin', actor)));
      await demotion;
      await Promise.all(selfPromotions);
      expect((await freshCopy(actor.id)).role, `round ${round}`).toBe('shopper');
    }
  });

  it('race: two admins banning each other leave exactly one of them banned', async () => {
    for (let round = 0; round < 6; round += 1) {
      const [{ actor: a }, { actor: b }] = await Promise.all([admin(), admin()]);
      const outcomes = await Promise.all([
        codeOf(banUser(b.id, { reason: 'Mutiny', durationSeconds: null }, a)),
        codeOf(banUser(a.id, { reason: 'Mutiny', durationSeconds: null }, b)),
      ]);
      expect(outcomes.sort(), `round ${round}`).toEqual(['forbidden', 'passed']);
    }
  });

  it.each([
    [
      'banned',
      (target: string, by: Actor, store: SessionStore) =>
        banUser(target, { reason: 'Caught', durationSeconds: null }, by, { store }),
    ],
    [
      'demoted',
      (target: string, by: Actor, store: SessionStore) => setUserRole(target, 'shopper', by, { store }),
    ],
  ])('an admin %s while their changes wait for the lock completes none of them', async (_what, endRights) => {
    const { actor: other } = await admin();
    const { actor } = await admin();
    const { user: banned } = await registered();
    await banUser(banned.id, { reason: 'x', durationSeconds: null }, other);
    const { user: shopper } = await registered();
    // The other admin's change stops at its last step before the commit, holding the actor's row lock.
    const { held, reachedStep, release } = heldStore();
    const ending = endRights(actor.id, other, held);
    await reachedStep;
    // The actor's requests passed the gate before that commit and now wait for the lock.
    const inFlight = [
      codeOf(unbanUser(banned.id, actor)),
      codeOf(setUserTier(shopper.id, 'premium', actor)),
      codeOf(setUserRole(shopper.id, 'admin', actor)),
      codeOf(revokeAllSessions(shopper.id, actor)),
    ];
    await lockWaiters(inFlight.length);
    release();
    await ending;
    expect(await Promise.all(inFlight)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden']);
    expect((await freshCopy(banned.id)).bannedAt).not.toBeNull();
    expect(await freshCopy(shopper.id)).toMatchObject({ tier: 'standard', role: 'shopper' });
    expect(await db.auditLog.count({ where: { actorId: actor.id } })).toBe(0);
  });

  it('answers not_found for an unknown user', async () => {
    expect(await codeOf(setUserTier('cunknownunknownunknown00', 'premium', SYSTEM_ACTOR))).toBe('not_found');
  });

  it('deletes a user and every session of it, keeping the audit row readable', async () => {
    const { user, token, email } = await registered();
    await deleteUser(user.id, SYSTEM_ACTOR);
    expect((await checkSession(token)).current).toBeNull();
    expect(await db.user.findUnique({ where: { id: user.id } })).toBeNull();
    const row = await db.auditLog.findFirst({
      where: { action: 'user.delete', data: { path: ['target', 'id'], equals: user.id } },
    });
    expect(row?.data).toMatchObject({ target: { email } });
  });

  it('signs a user out everywhere', async () => {
    const { user, token } = await registered();
    await login({ email: user.email, password: PASSWORD }, context);
    expect(await revokeAllSessions(user.id, SYSTEM_ACTOR)).toBe(2);
    expect((await checkSession(token)).current).toBeNull();
  });
});

describe.each(TRANSPORTS)('a change with Redis unreachable over %s', (transport) => {
  it('fails, and leaves the database and the live sessions as they were', async () => {
    const { user, token } = await registered();
    const before = await freshCopy(user.id);
    const dead = unreachableRedis(transport);
    const store = createSessionStore({
      redis: dead,
      idleSeconds: 600,
      browserIdleSeconds: 300,
      absoluteSeconds: 3600,
      touchSeconds: 60,
    });
    try {
      const error = await banUser(user.id, { reason: 'x', durationSeconds: null }, SYSTEM_ACTOR, {
        store,
      }).catch((caught: unknown) => caught);
      expect((error as Error).name).toBe('RedisUnavailableError');
    } finally {
      await dead.close();
    }
    expect(await freshCopy(user.id)).toEqual(before);
    expect(await db.auditLog.count({ where: { targetUserId: user.id } })).toBe(0);
    expect((await checkSession(token)).current?.user.id).toBe(user.id);
  });
});

describe('user events', () => {
  it('reach a subscriber on another connection, for their own user only', async () => {
    const subscriber = createRedisSubscriber(redisConfigFromEnv());
    if (!subscriber) throw new Error('TCP always has a subscriber');
    const hub = createUserEventHub(subscriber, getSessionStore().userEventsChannel);
    const a = await registered();
    const b = await registered();
    const seenByA: UserEvent[] = [];
    const seenByB: UserEvent[] = [];
    const stopA = await hub.listen(a.user.id, (event) => seenByA.push(event));
    const stopB = await hub.listen(b.user.id, (event) => seenByB.push(event));
    try {
      await banUser(a.user.id, { reason: 'x', durationSeconds: 60 }, SYSTEM_ACTOR);
      await vi.waitFor(() => expect(seenByA).toEqual([{ userId: a.user.id, kind: 'banned' }]));
      await setUserTier(b.user.id, 'premium', SYSTEM_ACTOR);
      await vi.waitFor(() => expect(seenByB).toEqual([{ userId: b.user.id, kind: 'changed' }]));
      // B's event arrived after A's, on the same channel: had A's leaked to B it would be there by now.
      expect(seenByA).toHaveLength(1);
    } finally {
      stopA();
      stopB();
      await subscriber.close();
    }
  });
});

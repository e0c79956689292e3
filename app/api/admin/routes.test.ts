import { describe, expect, it } from 'vitest';
import { apiRequest, sessionCookieFrom, uniqueEmail } from '@/test/auth';
import { db } from '@/lib/db';
import { setUserRole, SYSTEM_ACTOR } from '@/lib/users';
import { GET as me } from '../me/route';
import { POST as register } from '../auth/register/route';
import { GET as audit } from './audit/route';
import { DELETE as revokeSession } from './sessions/[id]/route';
import { POST as ban } from './users/[id]/ban/route';
import { POST as revokeSessions } from './users/[id]/revoke-sessions/route';
import { GET as getUser, PATCH as patchUser } from './users/[id]/route';
import { GET as userSessions } from './users/[id]/sessions/route';
import { POST as unban } from './users/[id]/unban/route';
import { GET as listUsers } from './users/route';

const PASSWORD = 'a long enough password';
const UNKNOWN_ID = 'cunknownunknownunknown00';

async function account(role: 'shopper' | 'admin' = 'shopper') {
  const email = uniqueEmail();
  const response = await register(
    apiRequest('/api/auth/register', { body: { email, password: PASSWORD, name: `Person ${role}` } }),
  );
  const { user } = await response.json();
  if (role === 'admin') await setUserRole(user.id, 'admin', SYSTEM_ACTOR);
  return { id: user.id as string, email, cookie: sessionCookieFrom(response) };
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

/** Every admin endpoint, called for a given user id and cookie. */
const endpoints = {
  list: (_id: string, cookie?: string) => listUsers(apiRequest('/api/admin/users', { cookie })),
  get: (id: string, cookie?: string) => getUser(apiRequest(`/api/admin/users/${id}`, { cookie }), params(id)),
  patch: (id: string, cookie?: string, body: unknown = { tier: 'premium' }) =>
    patchUser(apiRequest(`/api/admin/users/${id}`, { method: 'PATCH', body, cookie }), params(id)),
  ban: (id: string, cookie?: string, body: unknown = { reason: 'Fraud', durationSeconds: 3600 }) =>
    ban(apiRequest(`/api/admin/users/${id}/ban`, { body, cookie }), params(id)),
  unban: (id: string, cookie?: string) =>
    unban(apiRequest(`/api/admin/users/${id}/unban`, { method: 'POST', cookie }), params(id)),
  sessions: (id: string, cookie?: string) =>
    userSessions(apiRequest(`/api/admin/users/${id}/sessions`, { cookie }), params(id)),
  revokeAll: (id: string, cookie?: string) =>
    revokeSessions(
      apiRequest(`/api/admin/users/${id}/revoke-sessions`, { method: 'POST', cookie }),
      params(id),
    ),
  audit: (_id: string, cookie?: string) => audit(apiRequest('/api/admin/audit', { cookie })),
};

async function auditRows(targetId: string, action: string) {
  return db.auditLog.findMany({ where: { targetUserId: targetId, action } });
}

describe('admin API access', () => {
  it('answers 401 signed out and 403 to a shopper, on every endpoint, and changes nothing', async () => {
    const shopper = await account();
    for (const [name, call] of Object.entries(endpoints)) {
      const signedOut = await call(shopper.id);
      expect(signedOut.status, name).toBe(401);
      expect((await signedOut.json()).error.code).toBe('unauthenticated');
      const forbidden = await call(shopper.id, shopper.cookie);
      expect(forbidden.status, name).toBe(403);
      expect((await forbidden.json()).error.code).toBe('forbidden');
    }
    const sessionDelete = await revokeSession(
      apiRequest('/api/admin/sessions/AAAAAAAAAAAAAAAAAAAAAA', { method: 'DELETE', cookie: shopper.cookie }),
      params('AAAAAAAAAAAAAAAAAAAAAA'),
    );
    expect(sessionDelete.status).toBe(403);
    expect(await db.auditLog.count({ where: { targetUserId: shopper.id } })).toBe(0);
  });
});

describe('admin API', () => {
  it('lists users with filters, pagination and active-session counts', async () => {
    const admin = await account('admin');
    const shopper = await account();
    const response = await listUsers(
      apiRequest(`/api/admin/users?q=${encodeURIComponent(shopper.email)}&role=shopper&status=active`, {
        cookie: admin.cookie,
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = await response.json();
    expect(body).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    expect(body.items).toEqual([
      {
        id: shopper.id,
        email: shopper.email,
        name: 'Person shopper',
        role: 'shopper',
        tier: 'standard',
        status: 'active',
        bannedUntil: null,
        activeSessions: 1,
      },
    ]);
    const none = await listUsers(
      apiRequest(`/api/admin/users?q=${encodeURIComponent(shopper.email)}&status=banned`, {
        cookie: admin.cookie,
      }),
    );
    expect((await none.json()).total).toBe(0);
    const bad = await listUsers(
      apiRequest('/api/admin/users?role=owner&pageSize=1000', { cookie: admin.cookie }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(['pageSize', 'role']);
  });

  it('shows one user with its sessions; 404 for an unknown id, 400 for what is not an id', async () => {
    const admin = await account('admin');
    const shopper = await account();
    const response = await endpoints.get(shopper.id, admin.cookie);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.user).toMatchObject({ id: shopper.id, banReason: null, bannedAt: null, bannedUntil: null });
    expect(body.user.createdAt).toEqual(expect.any(String));
    expect(body.sessions).toHaveLength(1);
    expect(Object.keys(body.sessions[0]).sort()).toEqual([
      'createdAt',
      'current',
      'device',
      'id',
      'ip',
      'lastSeenAt',
    ]);
    expect((await endpoints.get(UNKNOWN_ID, admin.cookie)).status).toBe(404);
    expect((await endpoints.get('../etc', admin.cookie)).status).toBe(400);
    const listed = await endpoints.sessions(shopper.id, admin.cookie);
    expect((await listed.json()).sessions).toEqual(body.sessions);
    expect((await endpoints.sessions(UNKNOWN_ID, admin.cookie)).status).toBe(404);
  });

  it('PATCH sets tier and role with an audit row each; unknown values are 400 with fields and change nothing', async () => {
    const admin = await account('admin');
    const shopper = await account();
    for (const body of [
      { tier: 'gold' },
      { role: 'owner', tier: 'premium' },
      {},
      { tier: 'premium', extra: 1 },
    ]) {
      const response = await endpoints.patch(shopper.id, admin.cookie, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.fields).toBeDefined();
    }
    expect(await db.auditLog.count({ where: { targetUserId: shopper.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: shopper.id } })).tier).toBe('standard');

    const response = await endpoints.patch(shopper.id, admin.cookie, { tier: 'premium', role: 'admin' });
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({ tier: 'premium', role: 'admin' });
    expect(await auditRows(shopper.id, 'user.set_tier')).toHaveLength(1);
    const [roleRow] = await auditRows(shopper.id, 'user.set_role');
    expect(roleRow).toMatchObject({ actorId: admin.id });
    expect(roleRow?.data).toMatchObject({ before: { role: 'shopper' }, after: { role: 'admin' } });
    // The shopper's live session sees it on its next request.
    expect((await (await me(apiRequest('/api/me', { cookie: shopper.cookie }))).json()).user).toMatchObject({
      tier: 'premium',
      role: 'admin',
    });
    expect((await endpoints.patch(UNKNOWN_ID, admin.cookie)).status).toBe(404);
  });

  it('an admin cannot demote or ban themselves', async () => {
    const admin = await account('admin');
    const demote = await endpoints.patch(admin.id, admin.cookie, { role: 'shopper', tier: 'premium' });
    expect(demote.status).toBe(403);
    expect((await demote.json()).error.code).toBe('self_action');
    expect((await endpoints.ban(admin.id, admin.cookie)).status).toBe(403);
    const row = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(row).toMatchObject({ role: 'admin', tier: 'standard', bannedAt: null });
  });

  it('an admin cannot unban or promote themselves: 403 self_action, nothing written', async () => {
    const admin = await account('admin');
    const before = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    for (const response of [
      await endpoints.unban(admin.id, admin.cookie),
      await endpoints.patch(admin.id, admin.cookie, { role: 'admin' }),
    ]) {
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('self_action');
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toEqual(before);
    expect(await db.auditLog.count({ where: { actorId: admin.id } })).toBe(0);
  });

  it('ban: the user gets 403 banned once, then 401; unban lets them in again; an audit row each', async () => {
    const admin = await account('admin');
    const shopper = await account();
    for (const body of [
      { reason: '', durationSeconds: 60 },
      { reason: 'x', durationSeconds: 0 },
      { reason: 'x' },
    ]) {
      const response = await endpoints.ban(shopper.id, admin.cookie, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.fields).toBeDefined();
    }
    expect(await auditRows(shopper.id, 'user.ban')).toHaveLength(0);

    const response = await endpoints.ban(shopper.id, admin.cookie, {
      reason: 'Chargebacks',
      durationSeconds: null,
    });
    expect(response.status).toBe(200);
    expect((await response.json()).user).toMatchObject({
      status: 'banned',
      banReason: 'Chargebacks',
      bannedUntil: null,
    });
    const refused = await me(apiRequest('/api/me', { cookie: shopper.cookie }));
    expect(refused.status).toBe(403);
    const { error } = await refused.json();
    expect(error.code).toBe('banned');
    expect(error.message).toMatch(/Chargebacks/);
    expect((await me(apiRequest('/api/me', { cookie: shopper.cookie }))).status).toBe(401);
    expect(await auditRows(shopper.id, 'user.ban')).toHaveLength(1);

    const lifted = await endpoints.unban(shopper.id, admin.cookie);
    expect(lifted.status).toBe(200);
    expect((await lifted.json()).user).toMatchObject({ status: 'active', banReason: null });
    expect(await auditRows(shopper.id, 'user.unban')).toHaveLength(1);
    expect((await endpoints.ban(UNKNOWN_ID, admin.cookie)).status).toBe(404);
    expect((await endpoints.unban(UNKNOWN_ID, admin.cookie)).status).toBe(404);
  });

  it('revokes one session by id and all of a user, with an audit row each', async () => {
    const admin = await account('admin');
    const shopper = await account();
    const [session] = (await (await endpoints.sessions(shopper.id, admin.cookie)).json()).sessions;
    const remove = (id: string) =>
      revokeSession(
        apiRequest(`/api/admin/sessions/${id}`, { method: 'DELETE', cookie: admin.cookie }),
        params(id),
      );
    expect((await remove(session.id)).status).toBe(204);
    expect((await me(apiRequest('/api/me', { cookie: shopper.cookie }))).status).toBe(401);
    expect((await remove(session.id)).status).toBe(404);
    expect((await remove('not-a-session-id')).status).toBe(400);
    expect(await auditRows(shopper.id, 'session.revoke')).toHaveLength(1);

    expect((await endpoints.revokeAll(shopper.id, admin.cookie)).status).toBe(204);
    const [row] = await auditRows(shopper.id, 'user.revoke_sessions');
    expect(row?.data).toMatchObject({ after: { revoked: 0 } });
    expect((await endpoints.revokeAll(UNKNOWN_ID, admin.cookie)).status).toBe(404);
  });

  it('lists the audit log filtered by actor, target and action', async () => {
    const admin = await account('admin');
    const shopper = await account();
    await endpoints.patch(shopper.id, admin.cookie, { tier: 'premium' });
    await endpoints.ban(shopper.id, admin.cookie, { reason: 'Spam', durationSeconds: 60 });
    const response = await audit(
      apiRequest(
        `/api/admin/audit?actor=${encodeURIComponent(admin.email)}&target=${shopper.id}&action=user.ban`,
        {
          cookie: admin.cookie,
        },
      ),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ page: 1, total: 1 });
    expect(body.items[0]).toMatchObject({
      actor: { id: admin.id, email: admin.email },
      target: { id: shopper.id, email: shopper.email },
      action: 'user.ban',
      reason: 'Spam',
      before: { bannedAt: null },
      after: { banReason: 'Spam' },
    });
    const bad = await audit(apiRequest('/api/admin/audit?action=user.promote', { cookie: admin.cookie }));
    expect(bad.status).toBe(400);
  });
});

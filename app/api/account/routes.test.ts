import { describe, expect, it } from 'vitest';
import { apiRequest, sessionCookieFrom, uniqueEmail } from '@/test/auth';
import { POST as login } from '../auth/login/route';
import { POST as register } from '../auth/register/route';
import { GET as me } from '../me/route';
import { DELETE as revokeOne } from './sessions/[id]/route';
import { POST as revokeOthers } from './sessions/revoke-others/route';
import { GET as listSessions } from './sessions/route';

const PASSWORD = 'a long enough password';

/** One account signed in on `devices` browsers; returns each browser's cookie. */
async function accountWithDevices(devices: number) {
  const email = uniqueEmail();
  const first = await register(
    apiRequest('/api/auth/register', { body: { email, password: PASSWORD, name: 'Devices' } }),
  );
  const cookies = [sessionCookieFrom(first)];
  for (let i = 1; i < devices; i += 1) {
    const response = await login(
      apiRequest('/api/auth/login', {
        body: { email, password: PASSWORD },
        headers: {
          'user-agent': `Mozilla/5.0 (X11; Linux x86_64; rv:13${i}.0) Gecko/20100101 Firefox/13${i}.0`,
        },
      }),
    );
    cookies.push(sessionCookieFrom(response));
  }
  return cookies;
}

async function sessionsOf(cookie: string) {
  const response = await listSessions(apiRequest('/api/account/sessions', { cookie }));
  expect(response.status).toBe(200);
  return (await response.json()).sessions as Array<{
    id: string;
    current: boolean;
    createdAt: string;
    lastSeenAt: string;
    ip: string | null;
    device: string | null;
  }>;
}

function remove(id: string, cookie: string) {
  return revokeOne(apiRequest(`/api/account/sessions/${id}`, { method: 'DELETE', cookie }), {
    params: Promise.resolve({ id }),
  });
}

describe('GET /api/account/sessions', () => {
  it('lists every device of the user with the current one marked first and ISO dates', async () => {
    const [, second] = await accountWithDevices(2);
    const sessions = await sessionsOf(second!);
    expect(sessions).toHaveLength(2);
    expect(sessions.map((session) => session.current)).toEqual([true, false]);
    // The first device registered without a User-Agent header.
    expect(sessions.map((session) => session.device)).toEqual(['Firefox 131 on Linux', null]);
    for (const session of sessions) {
      expect(Object.keys(session).sort()).toEqual([
        'createdAt',
        'current',
        'device',
        'id',
        'ip',
        'lastSeenAt',
      ]);
      expect(new Date(session.createdAt).toISOString()).toBe(session.createdAt);
      expect(new Date(session.lastSeenAt).toISOString()).toBe(session.lastSeenAt);
    }
  });

  it('answers 401 when signed out', async () => {
    expect((await listSessions(apiRequest('/api/account/sessions'))).status).toBe(401);
  });
});

describe('DELETE /api/account/sessions/[id]', () => {
  it('signs the other device out on its next request', async () => {
    const [first, second] = await accountWithDevices(2);
    const other = (await sessionsOf(first!)).find((session) => !session.current)!;
    const response = await remove(other.id, first!);
    expect(response.status).toBe(204);
    expect((await me(apiRequest('/api/me', { cookie: second }))).status).toBe(401);
    expect((await me(apiRequest('/api/me', { cookie: first }))).status).toBe(200);
  });

  it("answers 404 for another user's session and leaves it alone", async () => {
    const [mine] = await accountWithDevices(1);
    const [theirs] = await accountWithDevices(1);
    const theirId = (await sessionsOf(theirs!))[0]!.id;
    const response = await remove(theirId, mine!);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
    expect((await me(apiRequest('/api/me', { cookie: theirs }))).status).toBe(200);
  });

  it('answers 400 for something that is not a session id, and 404 for an unknown one', async () => {
    const [cookie] = await accountWithDevices(1);
    for (const id of ['x', 'a'.repeat(500), '../../etc', 'AAAAAAAAAAAAAAAAAAAA*/']) {
      const response = await remove(id, cookie!);
      expect(response.status, id).toBe(400);
      expect((await response.json()).error).toMatchObject({
        code: 'validation_failed',
        fields: { id: expect.any(Array) },
      });
    }
    expect((await remove(`someone.${'A'.repeat(22)}`, cookie!)).status).toBe(404);
    expect((await me(apiRequest('/api/me', { cookie }))).status).toBe(200);
  });

  it('signs this device out and clears its cookie when it revokes itself', async () => {
    const [cookie] = await accountWithDevices(1);
    const self = (await sessionsOf(cookie!))[0]!;
    const response = await remove(self.id, cookie!);
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^sid=; Path=\/; Max-Age=0/);
    expect((await me(apiRequest('/api/me', { cookie }))).status).toBe(401);
  });

  it('refuses a cross-site request', async () => {
    const [first, second] = await accountWithDevices(2);
    const other = (await sessionsOf(first!)).find((session) => !session.current)!;
    const response = await revokeOne(
      apiRequest(`/api/account/sessions/${other.id}`, {
        method: 'DELETE',
        cookie: first,
        headers: { origin: 'https://evil.example' },
      }),
      { params: Promise.resolve({ id: other.id }) },
    );
    expect(response.status).toBe(403);
    expect((await me(apiRequest('/api/me', { cookie: second }))).status).toBe(200);
  });
});

describe('POST /api/account/sessions/revoke-others', () => {
  it('signs out every other device and keeps this one', async () => {
    const [first, second, third] = await accountWithDevices(3);
    const response = await revokeOthers(
      apiRequest('/api/account/sessions/revoke-others', { method: 'POST', cookie: third }),
    );
    expect(response.status).toBe(204);
    expect((await me(apiRequest('/api/me', { cookie: first }))).status).toBe(401);
    expect((await me(apiRequest('/api/me', { cookie: second }))).status).toBe(401);
    expect((await me(apiRequest('/api/me', { cookie: third }))).status).toBe(200);
    expect(await sessionsOf(third!)).toHaveLength(1);
  });

  it('answers 401 when signed out', async () => {
    const response = await revokeOthers(
      apiRequest('/api/account/sessions/revoke-others', { method: 'POST' }),
    );
    expect(response.status).toBe(401);
  });
});

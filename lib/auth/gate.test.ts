import { describe, expect, it } from 'vitest';
import { setUserRole, SYSTEM_ACTOR } from '@/lib/users';
import { AppError } from '@/lib/http/errors';
import { sessionSetCookie } from '@/lib/session';
import { register } from './auth';
import { requireApiAdmin, requireApiUser } from './gate';
import { registerSchema } from './schema';
import { apiRequest, uniqueEmail } from '@/test/auth';

async function cookieFor(role: 'shopper' | 'admin') {
  const input = registerSchema.parse({ email: uniqueEmail(), password: 'a long enough password', name: 'G' });
  const { token, user } = await register(input, {
    ip: null,
    deviceIp: null,
    userAgent: null,
    previousToken: null,
  });
  if (role === 'admin') {
    await setUserRole(user.id, 'admin', SYSTEM_ACTOR);
  }
  return { cookie: (await sessionSetCookie(token, false, true)).split(';')[0], id: user.id };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'passed';
  } catch (error) {
    return error instanceof AppError ? error.code : 'unexpected';
  }
}

describe('the API gate', () => {
  it('requireApiUser: 401 without a session, the session with one', async () => {
    expect(await codeOf(requireApiUser(apiRequest('/api/me')))).toBe('unauthenticated');
    const { cookie, id } = await cookieFor('shopper');
    expect((await requireApiUser(apiRequest('/api/me', { cookie }))).user.id).toBe(id);
  });

  it('requireApiAdmin: 401 signed out, 403 for a shopper, the session for an admin', async () => {
    expect(await codeOf(requireApiAdmin(apiRequest('/api/admin')))).toBe('unauthenticated');
    const shopper = await cookieFor('shopper');
    expect(await codeOf(requireApiAdmin(apiRequest('/api/admin', { cookie: shopper.cookie })))).toBe(
      'forbidden',
    );
    const admin = await cookieFor('admin');
    const current = await requireApiAdmin(apiRequest('/api/admin', { cookie: admin.cookie }));
    expect(current.user).toMatchObject({ id: admin.id, role: 'admin' });
  });
});

import { describe, expect, it } from 'vitest';
import { apiRequest, sessionCookieFrom, uniqueEmail } from '@/test/auth';
import { POST as register } from '../auth/register/route';
import { GET as me } from './route';

describe('GET /api/me', () => {
  it('answers 200 with the signed-in user', async () => {
    const email = uniqueEmail();
    const signUp = await register(
      apiRequest('/api/auth/register', { body: { email, password: 'a long enough password', name: 'Me' } }),
    );
    const response = await me(apiRequest('/api/me', { cookie: sessionCookieFrom(signUp) }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect((await response.json()).user).toMatchObject({
      email,
      name: 'Me',
      role: 'shopper',
      tier: 'standard',
    });
  });

  it('answers 401 without a cookie, and does not set one', async () => {
    const response = await me(apiRequest('/api/me'));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'unauthenticated', message: 'Sign in to continue.' },
    });
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('answers 401, not 500, to a tampered or garbage cookie, and clears it', async () => {
    const signUp = await register(
      apiRequest('/api/auth/register', {
        body: { email: uniqueEmail(), password: 'a long enough password', name: 'T' },
      }),
    );
    const cookie = sessionCookieFrom(signUp);
    for (const bad of [
      `${cookie.slice(0, -12)}AAAAAAAAAA~2`,
      'sid=garbage',
      'sid=Fe26.2**',
      'sid=%E0%A4%A',
    ]) {
      const response = await me(apiRequest('/api/me', { cookie: bad }));
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toMatch(/^sid=; Path=\/; Max-Age=0/);
    }
  });
});

import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { banUser, setUserRole, SYSTEM_ACTOR } from '@/lib/users';
import { apiRequest, sessionCookieFrom, TEST_ORIGIN, uniqueEmail } from '@/lib/auth/testing';
import { POST as logout } from './app/api/auth/logout/route';
import { GET as me } from './app/api/me/route';
import { POST as register } from './app/api/auth/register/route';
import { proxy } from './proxy';

async function signedIn(role: 'shopper' | 'admin' = 'shopper') {
  const response = await register(
    apiRequest('/api/auth/register', {
      body: { email: uniqueEmail(), password: 'a long enough password', name: 'P' },
    }),
  );
  const { user } = await response.json();
  if (role === 'admin') {
    await setUserRole(user.id, 'admin', SYSTEM_ACTOR);
  }
  return sessionCookieFrom(response);
}

function visit(path: string, cookie?: string) {
  return proxy(new NextRequest(new URL(path, TEST_ORIGIN), { headers: cookie ? { cookie } : {} }));
}

const passedThrough = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('proxy', () => {
  it('sends a signed-out page request to the login page, keeping path and query', async () => {
    const response = await visit('/account/sessions?view=all');
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(
      `${TEST_ORIGIN}/login?next=%2Faccount%2Fsessions%3Fview%3Dall`,
    );
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('answers a signed-out API request with 401 in the error shape', async () => {
    const response = await visit('/api/me');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'unauthenticated', message: 'Sign in to continue.' },
    });
  });

  it('clears a cookie whose session is gone', async () => {
    const cookie = await signedIn();
    await logout(apiRequest('/api/auth/logout', { method: 'POST', cookie }));
    const response = await visit('/account', cookie);
    expect(response.status).toBe(307);
    expect(response.headers.get('set-cookie')).toMatch(/^sid=; Path=\/; Max-Age=0/);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('lets a signed-in shopper through to the account, but not to admin', async () => {
    const cookie = await signedIn();
    expect(passedThrough(await visit('/account', cookie))).toBe(true);
    expect(passedThrough(await visit('/api/account/sessions', cookie))).toBe(true);
    const admin = await visit('/admin/users', cookie);
    expect(admin.status).toBe(307);
    expect(admin.headers.get('location')).toBe(`${TEST_ORIGIN}/`);
  });

  it("sends a banned browser's pages to /banned and lets its API requests reach the gate", async () => {
    const cookie = await signedIn();
    const { user } = await (await me(apiRequest('/api/me', { cookie }))).json();
    await banUser(user.id, { reason: 'Spam', durationSeconds: 60 }, SYSTEM_ACTOR);
    const page = await visit('/account', cookie);
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toBe(`${TEST_ORIGIN}/banned`);
    expect(passedThrough(await visit('/api/me', cookie))).toBe(true);
  });

  it('lets an admin through to admin', async () => {
    expect(passedThrough(await visit('/admin', await signedIn('admin')))).toBe(true);
  });
});

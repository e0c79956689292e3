import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { apiRequest, sessionCookieFrom, TEST_ORIGIN, uniqueEmail } from '@/test/auth';
import type { RedisPort } from '@/lib/redis';
import { unreachableRedis } from '@/test/redis';
import { POST as logout } from './app/api/auth/logout/route';
import { POST as register } from './app/api/auth/register/route';
import { config, proxy } from './proxy';

async function signedIn() {
  const response = await register(
    apiRequest('/api/auth/register', {
      body: { email: uniqueEmail(), password: 'a long enough password', name: 'P' },
    }),
  );
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

  it('runs on private pages and leaves route handlers to their own gate', () => {
    const runsOn = (url: string) => unstable_doesMiddlewareMatch({ config, url });
    for (const url of ['/account', '/account/sessions', '/admin/users/x', '/checkout', '/orders/1'])
      expect(runsOn(url), url).toBe(true);
    for (const url of [
      '/',
      '/products/lamp',
      '/login',
      '/api/me',
      '/api/account/sessions',
      '/api/admin/users',
    ])
      expect(runsOn(url), url).toBe(false);
  });

  it('clears a cookie that does not open', async () => {
    const response = await visit('/account', 'sid=not-a-sealed-token');
    expect(response.status).toBe(307);
    expect(response.headers.get('set-cookie')).toMatch(/^sid=; Path=\/; Max-Age=0/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('lets a cookie that opens through, even when its session is gone: the gate behind it decides', async () => {
    const cookie = await signedIn();
    await logout(apiRequest('/api/auth/logout', { method: 'POST', cookie }));
    expect(passedThrough(await visit('/account', cookie))).toBe(true);
  });

  it('lets a signed-in shopper through, to admin too: roles are checked by the page', async () => {
    const cookie = await signedIn();
    expect(passedThrough(await visit('/account', cookie))).toBe(true);
    expect(passedThrough(await visit('/orders', cookie))).toBe(true);
    expect(passedThrough(await visit('/admin/users', cookie))).toBe(true);
  });

  it('answers a page 503 at once while the process knows Redis is away', async () => {
    const cookie = await signedIn();
    // The process's one client (lib/redis getRedis, kept on globalThis) swapped for one that has met a dead Redis.
    const global = globalThis as unknown as { storefrontRedis?: RedisPort };
    const shared = global.storefrontRedis;
    const dead = unreachableRedis('tcp');
    await dead.ping().catch(() => {});
    global.storefrontRedis = dead;
    try {
      const page = await visit('/account', cookie);
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('private, no-store');
      expect(await page.text()).toContain('verify your session right now');
      // Nobody to verify without a cookie: a visitor still goes to the login page.
      expect((await visit('/account')).status).toBe(307);
    } finally {
      global.storefrontRedis = shared;
      await dead.close();
    }
    expect(passedThrough(await visit('/account', cookie))).toBe(true);
  });
});

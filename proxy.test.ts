import { createHmac } from 'node:crypto';
import { Redis } from 'ioredis';
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, sessionCookieFrom, TEST_ORIGIN, uniqueEmail } from '@/test/auth';
import type { RedisPort } from '@/lib/redis';
import { sessionSecrets } from '@/lib/env';
import { readSessionCookie, unsealToken } from '@/lib/session';
import { checkSession } from '@/lib/users';
import { hashToken } from '@/lib/session/keys';
import { signingKey } from '@/lib/tokens/keys';
import { setUserRole, SYSTEM_ACTOR } from '@/lib/users';
import { unreachableRedis } from '@/test/redis';
import { POST as logout } from './app/api/auth/logout/route';
import { POST as register } from './app/api/auth/register/route';
import { config, proxy } from './proxy';

async function registered() {
  const response = await register(
    apiRequest('/api/auth/register', {
      body: { email: uniqueEmail(), password: 'a long enough password', name: 'P' },
    }),
  );
  const { user } = (await response.json()) as { user: { id: string } };
  return { cookie: sessionCookieFrom(response), id: user.id };
}

async function signedIn() {
  return (await registered()).cookie;
}

function visit(path: string, cookie?: string, headers: Record<string, string> = {}) {
  return proxy(
    new NextRequest(new URL(path, TEST_ORIGIN), { headers: cookie ? { cookie, ...headers } : headers }),
  );
}

const passedThrough = (response: Response) => response.headers.get('x-middleware-next') === '1';

// The header in which the proxy once handed its session check to the page (issue 22): now nobody reads it.
const ATTESTATION = 'x-session-attestation';

// NextResponse.next({ request: { headers } }) hands the page these headers (Next's x-middleware-request-* encoding).
function headersPassedOn(response: Response): Headers {
  const passed = new Headers();
  for (const name of response.headers.get('x-middleware-override-headers')?.split(',') ?? []) {
    passed.set(name, response.headers.get(`x-middleware-request-${name}`) ?? '');
  }
  return passed;
}

function cookieReader(cookie: string) {
  const [name, value] = cookie.split('=') as [string, string];
  return { get: (asked: string) => (asked === name ? { value } : undefined) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

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

  it('an admin’s user page costs two session checks: the proxy’s, for its 404, and the page’s gate’s own', async () => {
    const admin = await registered();
    await setUserRole(admin.id, 'admin', SYSTEM_ACTOR);
    await visit(`/admin/users/${admin.id}`, admin.cookie);
    const sent = vi.spyOn(Redis.prototype, 'sendCommand');
    const response = await visit(`/admin/users/${admin.id}`, admin.cookie);
    expect(passedThrough(response)).toBe(true);
    const state = await checkSession(
      readSessionCookie({ cookies: cookieReader(admin.cookie), headers: headersPassedOn(response) }).token,
    );
    expect(state.current?.user).toMatchObject({ id: admin.id, role: 'admin' });
    expect(sent.mock.calls.length).toBe(2);
    // An unknown user is the real 404, for the admin alone.
    expect((await visit('/admin/users/cnosuchuser00000000000000', admin.cookie)).status).toBe(404);
  });

  it('a session attestation signed with the key derived from SESSION_SECRET gets a shopper nothing', async () => {
    const shopper = await registered();
    // What the removed proxy-to-page header held, signed as it was: anyone who knows the secret (the published dev
    // default on a `next dev` server) could make one, and the gate took it on any path.
    const tokenHash = hashToken((await unsealToken(shopper.cookie.split('=')[1] as string)) as string);
    const now = Date.now();
    const claim = {
      current: {
        session: { id: `${shopper.id}.forged`, userId: shopper.id, createdAt: now, lastSeenAt: now },
        user: { id: shopper.id, email: 'x@test.example', name: 'X', role: 'admin', tier: 'premium' },
      },
      banned: null,
    };
    const payload = Buffer.from(JSON.stringify(claim)).toString('base64url');
    const key = signingKey('session-attestation', sessionSecrets().slice(0, 1));
    const signature = createHmac('sha256', key)
      .update(`v1.${tokenHash}.${now}.${payload}`)
      .digest('base64url');
    const forged = new Headers({ [ATTESTATION]: `${now}.${payload}.${signature}` });
    const state = await checkSession(
      readSessionCookie({ cookies: cookieReader(shopper.cookie), headers: forged }).token,
    );
    expect(state.current?.user).toMatchObject({ id: shopper.id, role: 'shopper', tier: 'standard' });
    const userPage = await visit(`/admin/users/${shopper.id}`, shopper.cookie, {
      [ATTESTATION]: forged.get(ATTESTATION) as string,
    });
    expect(passedThrough(userPage)).toBe(true);
    // The proxy adds no header of its own for the page.
    expect(userPage.headers.has('x-middleware-override-headers')).toBe(false);
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

import { describe, expect, it } from 'vitest';
import { banUser, SYSTEM_ACTOR } from '@/lib/users';
import { env } from '@/lib/env';
import { apiRequest, sessionCookieFrom, TEST_ORIGIN, uniqueEmail } from '@/test/auth';
import { GET as me } from '../me/route';
import { POST as login } from './login/route';
import { POST as logout } from './logout/route';
import { POST as register } from './register/route';
import { POST as signOutForm } from '../../(auth)/logout/route';

const PASSWORD = 'a long enough password';

async function signUp(email = uniqueEmail()) {
  const response = await register(
    apiRequest('/api/auth/register', { body: { email, password: PASSWORD, name: 'Route Test' } }),
  );
  expect(response.status).toBe(201);
  return { email, cookie: sessionCookieFrom(response), body: await response.json() };
}

describe('POST /api/auth/register', () => {
  it('answers 201 with the public user and a sealed, uncached session cookie', async () => {
    const email = uniqueEmail();
    const response = await register(
      apiRequest('/api/auth/register', {
        body: { email: `  ${email.toUpperCase()}`, password: PASSWORD, name: ' Ada ' },
      }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const { user } = await response.json();
    expect(Object.keys(user).sort()).toEqual(['email', 'id', 'name', 'role', 'tier']);
    expect(user).toMatchObject({ email, name: 'Ada', role: 'shopper', tier: 'standard' });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^sid=[\w-]{8}\.[\w-]+; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).not.toContain(PASSWORD);
  });

  it('answers 400 with every invalid field', async () => {
    const response = await register(
      apiRequest('/api/auth/register', { body: { email: 'nope', password: 'short', name: '' } }),
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields).sort()).toEqual(['email', 'name', 'password']);
  });

  it('answers 409 email_taken for an existing account', async () => {
    const { email } = await signUp();
    const response = await register(
      apiRequest('/api/auth/register', { body: { email, password: PASSWORD, name: 'Twin' } }),
    );
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe('email_taken');
  });

  it('answers 400 to malformed JSON and 413 to a body over the limit', async () => {
    const malformed = await register(
      apiRequest('/api/auth/register', { rawBody: '{"email":', method: 'POST' }),
    );
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('invalid_json');
    const huge = await register(
      apiRequest('/api/auth/register', {
        body: { email: uniqueEmail(), password: PASSWORD, name: 'x'.repeat(20_000) },
      }),
    );
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('payload_too_large');
  });

  it('refuses a cross-site request with 403 csrf_rejected', async () => {
    const response = await register(
      apiRequest('/api/auth/register', {
        body: { email: uniqueEmail(), password: PASSWORD, name: 'CSRF' },
        headers: { origin: 'https://evil.example' },
      }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('csrf_rejected');
  });
});

describe('POST /api/auth/login', () => {
  it('answers 200 with a new cookie that replaces the old session', async () => {
    const { email, cookie: before } = await signUp();
    const response = await login(
      apiRequest('/api/auth/login', {
        body: { email, password: PASSWORD },
        cookie: before,
        headers: { origin: TEST_ORIGIN },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const after = sessionCookieFrom(response);
    expect(after).not.toBe(before);
    expect((await me(apiRequest('/api/me', { cookie: before }))).status).toBe(401);
    expect((await me(apiRequest('/api/me', { cookie: after }))).status).toBe(200);
  });

  it('leaves a long-lived device cookie, sealed and HttpOnly, that a later sign-in from this browser presents', async () => {
    const { email } = await signUp();
    const response = await login(apiRequest('/api/auth/login', { body: { email, password: PASSWORD } }));
    const device = response.headers.getSetCookie().find((cookie) => cookie.startsWith('did='));
    expect(device).toMatch(/^did=[\w-]{8}\.[\w-]+; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Lax$/);
    expect(device).not.toContain(email);
  });

  it('answers 401 with one message for a wrong password and an unknown email', async () => {
    const { email } = await signUp();
    const wrong = await login(
      apiRequest('/api/auth/login', { body: { email, password: 'not the password' } }),
    );
    const unknown = await login(
      apiRequest('/api/auth/login', { body: { email: uniqueEmail(), password: PASSWORD } }),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a).toEqual(b);
    expect(a.error.code).toBe('invalid_credentials');
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('answers 403 banned with the end of the ban', async () => {
    const { email, body } = await signUp();
    const now = new Date();
    const until = new Date(now.getTime() + 3_600_000);
    await banUser(body.user.id, { reason: 'Fraud', durationSeconds: 3600 }, SYSTEM_ACTOR, { now });
    const response = await login(apiRequest('/api/auth/login', { body: { email, password: PASSWORD } }));
    expect(response.status).toBe(403);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: 'banned', until: until.toISOString() });
    expect(error.message).toMatch(/suspended.*Reason: Fraud/);
  });

  it('answers 429 with Retry-After once the account has too many failures', async () => {
    const { email } = await signUp();
    for (let i = 0; i < env.LOGIN_MAX_FAILURES; i += 1) {
      expect(
        (await login(apiRequest('/api/auth/login', { body: { email, password: `wrong ${i}` } }))).status,
      ).toBe(401);
    }
    const response = await login(apiRequest('/api/auth/login', { body: { email, password: PASSWORD } }));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await response.json()).error.code).toBe('rate_limited');
  });

  it('answers 400 to a missing password', async () => {
    const response = await login(apiRequest('/api/auth/login', { body: { email: uniqueEmail() } }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields.password).toBeDefined();
  });
});

describe('POST /api/auth/logout', () => {
  it('deletes the session and clears its cookie, and only that one', async () => {
    const { cookie } = await signUp();
    const response = await logout(apiRequest('/api/auth/logout', { method: 'POST', cookie }));
    expect(response.status).toBe(204);
    // The device cookie stays: it keeps this browser's own failure budget for the account.
    expect(response.headers.get('clear-site-data')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('set-cookie')).toMatch(/^sid=; Path=\/; Max-Age=0/);
    expect((await me(apiRequest('/api/me', { cookie }))).status).toBe(401);
  });

  it('refuses a cross-site logout', async () => {
    const { cookie } = await signUp();
    const response = await logout(
      apiRequest('/api/auth/logout', { method: 'POST', cookie, headers: { 'sec-fetch-site': 'cross-site' } }),
    );
    expect(response.status).toBe(403);
    expect((await me(apiRequest('/api/me', { cookie }))).status).toBe(200);
  });
});

describe('POST /logout (the header sign-out form)', () => {
  it('deletes the session and sends the browser home without any cookie', async () => {
    const { cookie } = await signUp();
    const response = await signOutForm(apiRequest('/logout', { method: 'POST', cookie }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.get('clear-site-data')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('set-cookie')).toMatch(/^sid=; Path=\/; Max-Age=0/);
    expect((await me(apiRequest('/api/me', { cookie }))).status).toBe(401);
  });

  it('refuses a cross-site sign-out', async () => {
    const { cookie } = await signUp();
    const response = await signOutForm(
      apiRequest('/logout', { method: 'POST', cookie, headers: { origin: 'https://evil.example' } }),
    );
    expect(response.status).toBe(403);
    expect((await me(apiRequest('/api/me', { cookie }))).status).toBe(200);
  });
});

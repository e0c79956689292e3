import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { apiRequest, cookiesFrom, mailboxOf, sessionCookieFrom, uniqueEmail } from '@/test/auth';
import { resetLinkIsLive } from '@/lib/auth/password-change';
import { listMailbox } from '@/lib/mail';
import { POST as changePassword } from '../account/password/route';
import { GET as me } from '../me/route';
import { POST as login } from './login/route';
import { POST as confirmReset } from './password-reset/confirm/route';
import { POST as requestReset } from './password-reset/route';
import { POST as register } from './register/route';
import { POST as verifyEmail } from './verify-email/route';

const PASSWORD = 'a long enough password';
const NEW_PASSWORD = 'another long password';

async function signUp(email = uniqueEmail()) {
  const response = await register(
    apiRequest('/api/auth/register', { body: { email, password: PASSWORD, name: 'Password Test' } }),
  );
  expect(response.status).toBe(201);
  const { user } = await response.json();
  // `browser`: every cookie the registering browser now holds (session, device, mailbox).
  return {
    email,
    id: user.id as string,
    cookie: sessionCookieFrom(response),
    browser: cookiesFrom(response),
  };
}

async function signIn(email: string, password = PASSWORD) {
  const response = await login(apiRequest('/api/auth/login', { body: { email, password } }));
  return { status: response.status, cookie: response.status === 200 ? sessionCookieFrom(response) : null };
}

async function meStatus(cookie: string) {
  return (await me(apiRequest('/api/me', { cookie }))).status;
}

const ask = (email: string, browser?: string) =>
  requestReset(apiRequest('/api/auth/password-reset', { body: { email }, cookie: browser }));

/** The token of the newest link to `path` mailed to `to`, from the browser's mailbox, once the send has landed. */
async function mailedToken(
  browser: string,
  to: string,
  path: '/reset-password' | '/verify-email',
): Promise<string> {
  return vi.waitFor(
    async () => {
      const messages = await listMailbox(mailboxOf(browser), to);
      const match = messages
        .map((message) => message.text.match(new RegExp(`${path}\\?token=(\\S+)`)))
        .find(Boolean);
      if (!match?.[1]) throw new Error(`no ${path} link mailed to ${to} yet`);
      return decodeURIComponent(match[1]);
    },
    { timeout: 5000, interval: 50 },
  );
}

describe('POST /api/account/password', () => {
  it('changes the password, signs every other session out and keeps this one on a fresh token', async () => {
    const { email, id, cookie } = await signUp();
    const other = await signIn(email);
    const response = await changePassword(
      apiRequest('/api/account/password', {
        cookie,
        body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const fresh = sessionCookieFrom(response);
    expect(fresh).not.toBe(cookie);
    expect(await meStatus(fresh)).toBe(200);
    expect(await meStatus(other.cookie as string)).toBe(401);
    expect(await meStatus(cookie)).toBe(401);
    expect((await signIn(email)).status).toBe(401);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    const audit = await db.auditLog.findMany({ where: { targetUserId: id } });
    expect(audit.map((row) => row.action)).toEqual(['password.changed']);
  });

  it("answers 400 with fields to a wrong current password, counted toward this session's own limit", async () => {
    const { email, cookie } = await signUp();
    const attempt = () =>
      changePassword(
        apiRequest('/api/account/password', {
          cookie,
          body: { currentPassword: 'not the password', newPassword: NEW_PASSWORD },
        }),
      );
    for (let i = 0; i < env.LOGIN_MAX_FAILURES; i++) {
      const response = await attempt();
      expect(response.status).toBe(400);
      expect(Object.keys((await response.json()).error.fields)).toEqual(['currentPassword']);
    }
    expect((await attempt()).status).toBe(429);
    // The budget is this session's: the account still signs in, and another of its sessions may change it.
    const other = await signIn(email);
    expect(other.status).toBe(200);
    const elsewhere = await changePassword(
      apiRequest('/api/account/password', {
        cookie: other.cookie,
        body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      }),
    );
    expect(elsewhere.status).toBe(204);
  });

  it("lets the owner change the password after a stranger's failed sign-ins used up the account's", async () => {
    const { email, cookie } = await signUp();
    for (let i = 0; i < env.LOGIN_MAX_FAILURES; i++)
      expect((await signIn(email, 'a wrong guess')).status).toBe(401);
    expect((await signIn(email)).status).toBe(429);
    const response = await changePassword(
      apiRequest('/api/account/password', {
        cookie,
        body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      }),
    );
    expect(response.status).toBe(204);
  });

  it('applies the registration rules to the new password and needs a session', async () => {
    const { cookie } = await signUp();
    const short = await changePassword(
      apiRequest('/api/account/password', {
        cookie,
        body: { currentPassword: PASSWORD, newPassword: 'short' },
      }),
    );
    expect(short.status).toBe(400);
    expect(Object.keys((await short.json()).error.fields)).toEqual(['newPassword']);
    const anonymous = await changePassword(
      apiRequest('/api/account/password', { body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } }),
    );
    expect(anonymous.status).toBe(401);
  });
});

describe('password reset', () => {
  it('answers a known and an unknown address alike, and mails only the known one', async () => {
    const { email, browser } = await signUp();
    const unknown = uniqueEmail();
    const [known, missing] = await Promise.all([ask(email, browser), ask(unknown, browser)]);
    expect(known.status).toBe(202);
    expect(missing.status).toBe(202);
    expect(await missing.text()).toBe(await known.text());
    expect([...missing.headers]).toEqual([...known.headers]);
    await mailedToken(browser, email, '/reset-password');
    expect(await listMailbox(mailboxOf(browser), unknown)).toEqual([]);
  });

  it("keeps the link only for a browser that signed in to the account, never for a stranger's", async () => {
    const { email, browser } = await signUp();
    const stranger = await ask(email);
    expect(stranger.status).toBe(202);
    const strangerBrowser = cookiesFrom(stranger);
    await ask(email, browser);
    await mailedToken(browser, email, '/reset-password');
    expect(await listMailbox(mailboxOf(strangerBrowser))).toEqual([]);
    // Nor is anything stored that the stranger's cookie could open later.
    const stored = await db.mailMessage.findMany({ where: { to: email, subject: { startsWith: 'Reset' } } });
    expect(stored).toHaveLength(1);
  });

  it('rate limits requests per address, known or not', async () => {
    for (const email of [(await signUp()).email, uniqueEmail()]) {
      for (let i = 0; i < 3; i++) expect((await ask(email)).status).toBe(202);
      const limited = await ask(email);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    }
  });

  it('sets the new password from the mailed link, revokes every session, and the link works once', async () => {
    const { email, id, cookie, browser } = await signUp();
    const other = await signIn(email);
    await ask(email, browser);
    const token = await mailedToken(browser, email, '/reset-password');
    expect(await resetLinkIsLive(token)).toBe(true);
    expect(await resetLinkIsLive(`${token.slice(0, -4)}AAAA`)).toBe(false);
    const confirm = () =>
      confirmReset(
        apiRequest('/api/auth/password-reset/confirm', { body: { token, password: NEW_PASSWORD } }),
      );
    expect((await confirm()).status).toBe(204);
    expect(await meStatus(cookie)).toBe(401);
    expect(await meStatus(other.cookie as string)).toBe(401);
    expect((await signIn(email)).status).toBe(401);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    expect(await resetLinkIsLive(token)).toBe(false);
    const again = await confirm();
    expect(again.status).toBe(400);
    expect((await again.json()).error.code).toBe('invalid_token');
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user.emailVerifiedAt).not.toBeNull();
  });

  it('mails links under SITE_URL, never under the Host or X-Forwarded-Host the request names', async () => {
    const { email, browser } = await signUp();
    const forged = { host: 'attacker.test', 'x-forwarded-host': 'attacker.test' };
    const response = await requestReset(
      apiRequest('/api/auth/password-reset', { body: { email }, cookie: browser, headers: forged }),
    );
    expect(response.status).toBe(202);
    await mailedToken(browser, email, '/reset-password');
    const links = (await listMailbox(mailboxOf(browser), email)).map(
      (message) => /https?:\/\/\S+/.exec(message.text)?.[0] ?? '',
    );
    // The reset link and the verification link mailed at sign-up (the request's own host is shop.test).
    expect(links.map((link) => new URL(link).origin)).toEqual([
      new URL(env.SITE_URL).origin,
      new URL(env.SITE_URL).origin,
    ]);
  });

  it('answers 400 invalid_token to a token that is not one of ours', async () => {
    const response = await confirmReset(
      apiRequest('/api/auth/password-reset/confirm', {
        body: { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', password: NEW_PASSWORD },
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid_token');
  });
});

describe('POST /api/auth/verify-email', () => {
  it('verifies the address with the link mailed at registration', async () => {
    const { email, id, browser } = await signUp();
    const token = await mailedToken(browser, email, '/verify-email');
    expect((await db.user.findUniqueOrThrow({ where: { id } })).emailVerifiedAt).toBeNull();
    const verify = () => verifyEmail(apiRequest('/api/auth/verify-email', { body: { token } }));
    expect((await verify()).status).toBe(204);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).emailVerifiedAt).not.toBeNull();
    expect((await verify()).status).toBe(204);
  });

  it('refuses a reset token, and garbage', async () => {
    const { email, browser } = await signUp();
    await ask(email, browser);
    const resetToken = await mailedToken(browser, email, '/reset-password');
    for (const token of [resetToken, 'garbage']) {
      const response = await verifyEmail(apiRequest('/api/auth/verify-email', { body: { token } }));
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe('invalid_token');
    }
  });
});

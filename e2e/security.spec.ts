import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { sealData } from 'iron-session';
import { cookieKey, sealCookieValue } from '@/lib/session/cookie-seal';
import { OPEN_REDIRECT_PAYLOADS } from '../test/open-redirect-payloads';
import { routeHandlers, STATE_CHANGING } from './fixtures/routes';
import {
  apiLogin,
  DEMO_ADMIN,
  expect,
  newCredentials,
  register,
  signedInEmail,
  test,
  type Credentials,
} from './fixtures/users';

// The security suite: every attack is a named test here, and every one must be refused. Each test notes how many
// attacks it tried; e2e/attack-reporter.ts adds them up at the end of the run. Route lists come from the app's
// files (fixtures/routes.ts), so a new route is attacked as soon as it exists. Refusing weak or missing secrets
// in production concerns how the server starts, not a request: lib/env.test.ts tests it.

function attacksTried(count: number): void {
  test.info().annotations.push({ type: 'attacks', description: String(count) });
}

// Routes authenticated by something other than the browser's cookies, so there is nothing for a forged
// cross-site request to ride on; each says why.
const CSRF_EXEMPT: Record<string, string> = {
  '/api/internal/payments': 'service-to-service: a short-lived bearer JWT, never a cookie (lib/payments)',
  '/api/lab/auth/x':
    "next-auth's own routes in the JWT lab: its double-submit CSRF token guards them (e2e/lab.spec.ts)",
};

const PRIVATE_PAGES = ['/account', '/account/sessions', '/admin'];

const RETURN_PATH_PAGES = ['/login', '/register'];

/** The query strings a payload can arrive in: encoded as a browser would, and typed raw into the address bar. */
function queryForms(payload: string): string[] {
  return [`next=${encodeURIComponent(payload)}`, `next=${payload.replace(/[\s#&]/g, encodeURIComponent)}`];
}

/**
 * Where a response sends the browser: its Location header, or the redirect a streamed page carries once its status
 * is sent (Next writes it as a meta refresh; the login and register forms redirect a signed-in visitor that way).
 */
async function redirectTarget(response: APIResponse): Promise<string | null> {
  const location = response.headers().location;
  if (location) return location;
  const meta = /<meta id="__next-page-redirect" http-equiv="refresh" content="\d+;url=([^"]*)"/.exec(
    await response.text(),
  );
  return meta ? (meta[1] as string).replaceAll('&amp;', '&') : null;
}

async function signInForm(page: import('@playwright/test').Page, credentials: Credentials) {
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function sessionIds(request: APIRequestContext): Promise<string[]> {
  const response = await request.get('/api/account/sessions');
  expect(response.status()).toBe(200);
  return ((await response.json()).sessions as { id: string }[]).map((session) => session.id);
}

test.describe('open redirect', () => {
  test(`a signed-in visitor is never sent off-site by ${OPEN_REDIRECT_PAYLOADS.length} return-path payloads`, async ({
    page,
    user,
    baseURL,
  }) => {
    expect(await signedInEmail(page.request)).toBe(user.email);
    const origin = new URL(baseURL as string).origin;
    let count = 0;
    for (const path of RETURN_PATH_PAGES) {
      for (const payload of OPEN_REDIRECT_PAYLOADS) {
        for (const query of queryForms(payload)) {
          const response = await page.request.get(`${path}?${query}`, { maxRedirects: 0 });
          expect(response.status(), `${path}?${query}`).toBeLessThan(500);
          // Signed in, the page sends the visitor on (a refused query string is a 4xx and sends nobody anywhere).
          const target = await redirectTarget(response);
          if (response.status() < 400) expect(target, `${path}?${query} sends the visitor on`).not.toBeNull();
          if (target) expect(new URL(target, origin).origin, `${path}?${query} → ${target}`).toBe(origin);
          count += 1;
        }
      }
    }
    expect(count).toBe(RETURN_PATH_PAGES.length * OPEN_REDIRECT_PAYLOADS.length * 2);
    attacksTried(count);
  });

  test('signing in with a dot-segment payload lands on this site', async ({ page, credentials, baseURL }) => {
    const origin = new URL(baseURL as string).origin;
    const payloads = ['/.//evil.example', '/%252e//evil.example', '/a/..//evil.example/x'];
    for (const payload of payloads) {
      await page.context().clearCookies();
      await page.goto(`/login?next=${payload}`);
      await signInForm(page, credentials);
      await expect(page).toHaveURL(`${origin}/`);
    }
    attacksTried(payloads.length);
  });
});

test.describe('cross-site request forgery', () => {
  const targets = routeHandlers().flatMap((route) =>
    route.methods.filter((method) => STATE_CHANGING.has(method)).map((method) => ({ ...route, method })),
  );

  test(`every state-changing route (${targets.length}) refuses a foreign Origin and Origin: null`, async ({
    page,
    user,
    baseURL,
  }) => {
    const host = new URL(baseURL as string).host;
    let count = 0;
    for (const target of targets) {
      if (CSRF_EXEMPT[target.path]) continue;
      for (const origin of ['https://evil.example', 'null', `https://${host}`]) {
        const response = await page.request.fetch(target.path, {
          method: target.method,
          headers: { origin, 'content-type': 'application/json' },
          data: '{}',
          maxRedirects: 0,
        });
        expect(response.status(), `${target.method} ${target.path} from ${origin}`).toBe(403);
        expect((await response.json()).error.code).toBe('csrf_rejected');
        count += 1;
      }
    }
    // Still signed in: none of the forged requests signed this browser out or changed its session.
    expect(await signedInEmail(page.request)).toBe(user.email);
    attacksTried(count);
  });
});

test.describe('proxy bypass (CVE-2025-29927)', () => {
  const values = [
    'proxy',
    'middleware',
    'src/middleware',
    'middleware:middleware:middleware:middleware:middleware',
  ];

  test('x-middleware-subrequest changes no answer of any route handler or private page', async ({
    request,
  }) => {
    const gets = routeHandlers().filter((route) => route.methods.includes('GET'));
    let count = 0;
    for (const route of gets) {
      const plain = await request.get(route.path, { maxRedirects: 0 });
      for (const value of values) {
        const forged = await request.get(route.path, {
          headers: { 'x-middleware-subrequest': value },
          maxRedirects: 0,
        });
        expect(forged.status(), `${route.path} with ${value}`).toBe(plain.status());
        count += 1;
      }
    }
    for (const path of PRIVATE_PAGES) {
      for (const value of values) {
        const forged = await request.get(path, {
          headers: { 'x-middleware-subrequest': value },
          maxRedirects: 0,
        });
        expect([303, 307, 308], path).toContain(forged.status());
        expect(forged.headers().location).toMatch(/^(https?:\/\/[^/]+)?\/login/);
        count += 1;
      }
    }
    attacksTried(count);
  });
});

test.describe('session cookies', () => {
  test('session fixation: a session planted in the browser before sign-in does not survive it', async ({
    page,
    browser,
    baseURL,
    credentials,
  }) => {
    // Several sign-ups and page loads: on a shared 2-core machine this can take longer than the default.
    test.slow();
    // The attacker signs in to an account of their own and plants that cookie in the victim's browser.
    const attacker = await browser.newContext({ baseURL });
    await register(attacker.request);
    const planted = (await attacker.cookies()).filter((cookie) => cookie.name === 'sid');
    await page.context().addCookies(planted);

    // The victim signs in with the planted cookie in their browser. (The login page itself would send a browser
    // that is already signed in on its way, so the sign-in goes through the endpoint the form's action uses.)
    await apiLogin(page.request, credentials);
    const after = (await page.context().cookies()).find((cookie) => cookie.name === 'sid');
    expect(after?.value).not.toBe(planted[0]?.value);
    expect(await signedInEmail(page.request)).toBe(credentials.email);
    // The planted session is gone, so the attacker cannot even tell when the victim signed in with it.
    expect((await attacker.request.get('/api/me')).status()).toBe(401);
    await attacker.close();
    attacksTried(1);
  });

  test('the cookies are HttpOnly, SameSite=Lax, host-only, Path=/, and the session is sealed', async ({
    page,
    user,
  }) => {
    const cookies = await page.context().cookies();
    for (const name of ['sid', 'did']) {
      const cookie = cookies.find((candidate) => candidate.name === name);
      expect(cookie, name).toBeDefined();
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', domain: '127.0.0.1' });
      // The app's own seal (lib/session/cookie-seal.ts): a key id, a dot, base64url.
      expect(cookie?.value).toMatch(/^[\w-]{8}\.[\w-]{40,}$/);
      expect(cookie?.value).not.toContain(user.email);
    }
    attacksTried(2);
  });

  test('tampered, truncated and foreign-secret cookies read as signed out, never as an error', async ({
    page,
    user,
    playwright,
    baseURL,
  }) => {
    const valid = (await page.context().cookies()).find((cookie) => cookie.name === 'sid')?.value as string;
    // The cookie they are all made from reads as the user: each forgery below is refused for what was changed.
    const genuine = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie: `sid=${valid}` },
    });
    expect(await signedInEmail(genuine)).toBe(user.email);
    await genuine.dispose();
    const foreignToken = randomBytes(32).toString('base64url');
    const foreign = sealCookieValue(foreignToken, 3600, cookieKey(randomBytes(32).toString('hex')));
    // An iron-session seal, as the app wrote before its own: still read, so one of a foreign secret must be refused.
    const foreignIron = await sealData({ t: foreignToken }, { password: randomBytes(32).toString('hex') });
    // A seal is `<key id>.<IV | ciphertext | MAC>`: change a character of the ciphertext or of the MAC.
    const middle = Math.floor(valid.length / 2);
    const flipped = (at: number) =>
      `${valid.slice(0, at)}${valid[at] === 'A' ? 'B' : 'A'}${valid.slice(at + 1)}`;
    const forged = [
      flipped(middle),
      flipped(valid.length - 3),
      valid.slice(0, middle),
      foreign,
      foreignIron,
      'Fe26.2**',
      randomBytes(32).toString('base64url'),
      '%00%ff<script>',
    ];
    let count = 0;
    for (const value of forged) {
      const context = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { cookie: `sid=${value}` },
      });
      const me = await context.get('/api/me');
      expect(me.status(), value).toBe(401);
      const account = await context.get('/account', { maxRedirects: 0 });
      expect([303, 307, 308], value).toContain(account.status());
      const home = await context.get('/');
      expect(home.status(), value).toBe(200);
      await context.dispose();
      count += 3;
    }
    attacksTried(count);
  });

  test('a session id from the device list is not a session token', async ({
    page,
    user,
    playwright,
    baseURL,
  }) => {
    const ids = await sessionIds(page.request);
    // The user's one session (the fixture's sign-in), whose id is tried as a token below.
    expect(ids, user.email).toHaveLength(1);
    for (const id of ids) {
      const context = await playwright.request.newContext({
        baseURL,
        extraHTTPHeaders: { cookie: `sid=${id}` },
      });
      expect((await context.get('/api/me')).status()).toBe(401);
      await context.dispose();
    }
    attacksTried(ids.length);
  });
});

test.describe('insecure direct object references', () => {
  test("one user cannot sign out another user's device by its id", async ({
    page,
    user,
    browser,
    baseURL,
  }) => {
    const victim = await browser.newContext({ baseURL });
    await apiLogin(victim.request, user);
    const victimIds = await sessionIds(victim.request);

    const attacker = await browser.newContext({ baseURL });
    await register(attacker.request);
    for (const id of victimIds) {
      const response = await attacker.request.delete(`/api/account/sessions/${id}`);
      expect(response.status()).toBe(404);
    }
    expect((await victim.request.get('/api/me')).status()).toBe(200);
    expect((await page.request.get('/api/me')).status()).toBe(200);
    await Promise.all([victim.close(), attacker.close()]);
    attacksTried(victimIds.length);
  });
});

test.describe('stored cross-site scripting', () => {
  test('markup in a name is shown as text, never run', async ({ page }) => {
    // Several sign-ups and page loads: on a shared 2-core machine this can take longer than the default.
    test.slow();
    const payloads = [
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=1</script>',
      '"><svg onload=window.__xss=1>',
    ];
    let count = 0;
    for (const name of payloads) {
      await page.context().clearCookies();
      await register(page.request, { ...newCredentials(), name });
      let dialogs = 0;
      page.on('dialog', (dialog) => {
        dialogs += 1;
        void dialog.dismiss();
      });
      for (const path of ['/account', '/account/sessions', '/']) {
        await page.goto(path);
        // Rendered (the account menu shows the name on every page): had it been markup, it would have run by now.
        await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
        expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
        count += 1;
      }
      expect(dialogs).toBe(0);
    }
    attacksTried(count);
  });
});

// Every route handler that reads a JSON body.
const bodyRoutes = routeHandlers().filter(
  (route) =>
    route.methods.some((method) => STATE_CHANGING.has(method)) &&
    readFileSync(route.file, 'utf8').includes('parseJsonBody') &&
    // Reads no body without a valid service token (401 first); its own tests send it a bad card with one.
    route.path !== '/api/internal/payments',
);

test.describe('hostile request bodies', () => {
  const nested = `${'['.repeat(7_000)}${']'.repeat(7_000)}`;
  const bodies: [string, string, number[]][] = [
    ['malformed', '{"email": ', [400]],
    ['not an object', '"just a string"', [400]],
    ['deeply nested', `{"email": ${nested}}`, [400]],
    // 400 too: a route may refuse its path's id before it reads the body.
    ['oversized', JSON.stringify({ email: 'a@b.example', pad: 'x'.repeat(40_000) }), [413, 400]],
    [
      'extra fields and wrong types',
      JSON.stringify({ email: 42, password: ['x'], isAdmin: true, __proto__: 1 }),
      [400],
    ],
  ];

  test(`every JSON route (${bodyRoutes.length}) answers malformed, oversized and nested bodies with 4xx`, async ({
    page,
  }) => {
    // As the demo admin, so the admin routes get as far as reading the body.
    await apiLogin(page.request, DEMO_ADMIN);
    expect(bodyRoutes.length).toBeGreaterThan(0);
    let count = 0;
    for (const route of bodyRoutes) {
      const method = route.methods.find((candidate) => STATE_CHANGING.has(candidate)) as string;
      for (const [what, body, statuses] of bodies) {
        const response = await page.request.fetch(route.path, {
          method,
          headers: { 'content-type': 'application/json' },
          data: body,
        });
        expect(statuses, `${method} ${route.path}: ${what} → ${response.status()}`).toContain(
          response.status(),
        );
        const error = (await response.json()).error;
        expect(error.code, what).toMatch(/^(invalid_json|validation_failed|payload_too_large)$/);
        count += 1;
      }
    }
    // None of it signed this browser out or in as anyone else.
    expect(await signedInEmail(page.request)).toBe(DEMO_ADMIN.email);
    attacksTried(count);
  });
});

/**
 * Sends a chunked JSON body that keeps coming, 64 KiB at a time, up to 8 MB, and never ends: only a server that
 * stops reading at its limit answers it. Resolves with the answer.
 */
function sendEndlessBody(
  url: string,
  method: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = httpRequest(url, { method, headers: { 'content-type': 'application/json', ...headers } });
    const pump = () => {
      while (!answered && sent < 8 * 1024 * 1024) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
    };
    request.on('response', (response) => {
      answered = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => (body += text));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    request.on('error', (error) => (answered ? undefined : reject(error)));
    request.write('{"email": "');
    pump();
  });
}

test.describe('unbounded request bodies', () => {
  test(`every JSON route (${bodyRoutes.length}) answers a chunked body that never ends with 413, having read only its limit`, async ({
    page,
    baseURL,
  }) => {
    // As the demo admin, so the admin routes get as far as reading the body.
    await apiLogin(page.request, DEMO_ADMIN);
    const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
    const origin = new URL(baseURL as string).origin;
    expect(bodyRoutes.map((route) => route.path)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/register',
        '/api/auth/password-reset',
        '/api/cart/items',
      ]),
    );
    let count = 0;
    for (const route of bodyRoutes) {
      const method = route.methods.find((candidate) => STATE_CHANGING.has(candidate)) as string;
      const answer = await sendEndlessBody(`${origin}${route.path}`, method, { cookie, origin });
      // 400 too: a route may refuse its path's id before it reads the body.
      expect([413, 400], `${method} ${route.path} → ${answer.status}`).toContain(answer.status);
      if (answer.status === 413) {
        expect(JSON.parse(answer.body)).toEqual({
          error: { code: 'payload_too_large', message: 'The request body is too large.' },
        });
      }
      count += 1;
    }
    attacksTried(count);
  });
});

test.describe('browser security headers', () => {
  for (const path of ['/', '/api/health', '/products/cast-iron-skillet.svg', '/api/products?page=999']) {
    test(`on ${path}`, async ({ request }) => {
      const response = await request.get(path);
      const headers = response.headers();
      const csp = headers['content-security-policy'] ?? '';
      for (const directive of [
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "script-src-attr 'none'",
      ]) {
        expect(csp, path).toContain(directive);
      }
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      // The e2e site is plain http: no HSTS there (lib/http/security-headers.test.ts covers https).
      expect(headers['strict-transport-security']).toBeUndefined();
      attacksTried(1);
    });
  }

  test('the policy blocks nothing the storefront itself serves', async ({ page, user }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const path of ['/', '/products/cast-iron-skillet', '/search?q=mug', ...PRIVATE_PAGES.slice(0, 2)]) {
      await page.goto(path);
      // Not networkidle: the open-tab event stream stays open. The account menu is the last thing a page fills in.
      await expect(page.getByRole('navigation', { name: 'Account' }).getByText(user.name)).toBeVisible();
    }
    expect(violations).toEqual([]);
  });

  test('an injected inline event handler does not run, and the script files Next emits carry their SRI hash', async ({
    page,
  }) => {
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto('/products/cast-iron-skillet');
    // What injected markup would do: an element with a handler attribute (inline <script> stays allowed: Next's
    // own inline scripts carry each page's data, see lib/http/security-headers.ts).
    const ran = await page.evaluate(async () => {
      const image = document.createElement('img');
      image.setAttribute('onerror', 'document.body.dataset.injected = "ran"');
      const failed = new Promise((resolve) => image.addEventListener('error', resolve));
      image.src = '/no-such-image.png';
      document.body.append(image);
      await failed;
      return document.body.dataset.injected ?? null;
    });
    expect(ran).toBeNull();
    expect(blocked.some((text) => /script-src-attr/.test(text))).toBe(true);
    // The scripts Next emits itself (its runtime, React, the bootstrap, the polyfills) carry their SRI hash; the
    // route's own client chunks, which React inserts from the page's payload, come without one in Next 16.
    const bootstrap = page.locator('script#_R_[src], link[rel="preload"][as="script"]');
    const hashes = await bootstrap.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('integrity')),
    );
    expect(hashes.length).toBeGreaterThan(0);
    for (const hash of hashes) expect(hash).toMatch(/^sha256-/);
    attacksTried(1);
  });
});

test.describe('forwarded headers', () => {
  test('a client-sent X-Forwarded-Proto changes neither the cookie nor which origin is ours (TRUST_PROXY off)', async ({
    playwright,
    baseURL,
    credentials,
  }) => {
    const request = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { 'x-forwarded-proto': 'https' },
    });
    const login = await request.post('/api/auth/login', {
      data: { email: credentials.email, password: credentials.password },
    });
    expect(login.status()).toBe(200);
    const setCookie = login.headers()['set-cookie'] ?? '';
    expect(setCookie).toMatch(/^sid=/);
    expect(setCookie).not.toContain('Secure');
    const origin = new URL(baseURL as string);
    const crossScheme = await request.post('/api/auth/logout', {
      headers: { origin: `https://${origin.host}` },
    });
    expect(crossScheme.status()).toBe(403);
    await request.dispose();
    attacksTried(2);
  });

  test('a client-sent X-Forwarded-For is not the address the device list and audit log record (TRUST_PROXY off)', async ({
    playwright,
    baseURL,
    credentials,
  }) => {
    // Both the header Next passes on as it came and the one our request hook writes from the socket.
    const forged = { 'x-forwarded-for': '6.6.6.6', 'x-storefront-peer-address': '6.6.6.6' };
    const shopper = await playwright.request.newContext({ baseURL, extraHTTPHeaders: forged });
    await apiLogin(shopper, credentials);
    const { sessions } = (await (await shopper.get('/api/account/sessions')).json()) as {
      sessions: { current: boolean; ip: string | null }[];
    };
    expect(sessions.find((session) => session.current)?.ip).toBe('127.0.0.1');
    const { user } = (await (await shopper.get('/api/me')).json()) as { user: { id: string } };

    const admin = await playwright.request.newContext({ baseURL, extraHTTPHeaders: forged });
    await apiLogin(admin, DEMO_ADMIN);
    expect((await admin.patch(`/api/admin/users/${user.id}`, { data: { tier: 'premium' } })).status()).toBe(
      200,
    );
    const audit = await admin.get(`/api/admin/audit?target=${encodeURIComponent(credentials.email)}`);
    const { items } = (await audit.json()) as { items: { action: string; ip: string | null }[] };
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((entry) => entry.ip)).toEqual(items.map(() => '127.0.0.1'));
    await Promise.all([shopper.dispose(), admin.dispose()]);
    attacksTried(2);
  });
});

test.describe('the development mailbox', () => {
  type MailboxMessage = { to: string; text: string };
  const LINK = /\/(reset-password|verify-email)\?token=/;

  async function mailboxOf(request: APIRequestContext, query = ''): Promise<MailboxMessage[]> {
    const response = await request.get(`/api/dev/mailbox${query}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { messages: MailboxMessage[] }).messages;
  }

  test("nobody but the victim's own browser reads the victim's reset or verify link, from the API or the page", async ({
    browser,
    baseURL,
    playwright,
    admin,
  }) => {
    test.slow();
    // The victim registers in their browser (the verify link is mailed), then asks for a reset from it.
    const victim = await browser.newContext({ baseURL });
    const account = await register(victim.request);
    const mailboxCookie = (await victim.cookies()).find((cookie) => cookie.name === 'mailbox');
    expect(mailboxCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    // A stranger's browser with a mailbox of its own (its own account) asks for the victim's reset first.
    const stranger = await browser.newContext({ baseURL });
    const own = await register(stranger.request);
    const asked = await stranger.request.post('/api/auth/password-reset', { data: { email: account.email } });
    expect(asked.status()).toBe(202);
    expect(
      (await victim.request.post('/api/auth/password-reset', { data: { email: account.email } })).status(),
    ).toBe(202);

    // Controls: each browser sees its own links, so the mail has landed before the stranger looks.
    await expect(async () => {
      const messages = await mailboxOf(victim.request, `?to=${encodeURIComponent(account.email)}`);
      const links = messages.map((message) => message.text.match(LINK)?.[1]);
      expect(links.sort()).toEqual(['reset-password', 'verify-email']);
    }).toPass({ timeout: 10_000 });
    await expect(async () => {
      const messages = await mailboxOf(stranger.request, `?to=${encodeURIComponent(own.email)}`);
      expect(messages.map((message) => message.text.match(LINK)?.[1])).toEqual(['verify-email']);
    }).toPass({ timeout: 10_000 });

    // A client with no cookie at all, the stranger's browser, a made-up mailbox cookie, and the (published) demo
    // admin: an admin sees no one else's mail either, or the demo's public admin password would open every account.
    const nobody = await playwright.request.newContext({ baseURL });
    const forged = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie: `mailbox=${randomBytes(32).toString('base64url')}` },
    });
    let count = 0;
    for (const reader of [nobody, stranger.request, forged, admin.request]) {
      for (const query of [`?to=${encodeURIComponent(account.email)}`, '']) {
        const messages = await mailboxOf(reader, query);
        expect(messages.filter((message) => message.to === account.email)).toEqual([]);
        count += 1;
      }
      const page = await reader.get('/mailbox');
      expect(page.status()).toBe(200);
      const html = await page.text();
      expect(html).not.toContain(account.email);
      expect(html).not.toContain('/reset-password?token=');
      count += 1;
    }
    await Promise.all([nobody.dispose(), forged.dispose(), victim.close(), stranger.close()]);
    attacksTried(count);
  });
});

test.describe('brute force and lockout abuse', () => {
  test("a guesser who exhausts an account's budget cannot lock its owner's browser out", async ({
    page,
    browser,
    credentials,
  }) => {
    // Several sign-ups and page loads: on a shared 2-core machine this can take longer than the default.
    test.slow();
    // The owner signs in once in this browser, then signs out: the device cookie stays.
    await page.goto('/login');
    await signInForm(page, credentials);
    await expect(page).toHaveURL('/');
    expect((await page.request.post('/api/auth/logout')).status()).toBe(204);

    const guesser = await browser.newContext({ baseURL: new URL(page.url()).origin });
    for (let i = 0; i < 5; i += 1) {
      const wrong = await guesser.request.post('/api/auth/login', {
        data: { email: credentials.email, password: `guess-${i}-${credentials.password}` },
      });
      expect(wrong.status()).toBe(401);
    }
    const lockedOut = await guesser.request.post('/api/auth/login', {
      data: { email: credentials.email, password: credentials.password },
    });
    expect(lockedOut.status()).toBe(429);
    expect((await lockedOut.json()).error.message).toMatch(/Try again in \d+ minutes?/);
    await guesser.close();

    await page.goto('/login');
    await signInForm(page, credentials);
    await expect(page).toHaveURL('/');
    attacksTried(6);
  });
});

test.describe('registration abuse', () => {
  test('a common password is refused on the form, which shows its strength as it is typed', async ({
    page,
  }) => {
    await page.goto('/register');
    await page.getByLabel('Name').fill('Weak Password');
    await page.getByLabel('Email').fill(newCredentials().email);
    await page.getByLabel('Password').fill('password123');
    await expect(page.getByTestId('password-strength')).toContainText('Too easy to guess');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText(/This password is too easy to guess/)).toBeVisible();
    await expect(page).toHaveURL(/\/register/);

    await page.getByLabel('Password').fill('amber walrus teaches chess');
    await expect(page.getByTestId('password-strength')).toContainText('Strong');
    attacksTried(1);
  });

  test('the API refuses weak passwords with 400 and fields, and creates nothing', async ({ request }) => {
    const weak = ['password123', 'qwertyuiop123', 'aaaaaaaaaaaa'];
    for (const password of weak) {
      const { email } = newCredentials();
      const response = await request.post('/api/auth/register', { data: { email, password, name: 'Weak' } });
      expect(response.status()).toBe(400);
      expect((await response.json()).error.fields.password[0]).toMatch(/too easy to guess/);
      expect((await request.post('/api/auth/login', { data: { email, password } })).status()).toBe(401);
    }
    attacksTried(weak.length);
  });
});

test.describe('privilege self-restoration', () => {
  test("an admin cannot undo another admin's demotion or ban of them with requests in flight", async ({
    page,
    user,
    admin,
  }) => {
    test.slow();
    const me = await page.request.get('/api/me');
    expect((await me.json()).user.email).toBe(user.email);
    const id = (await me.json()).user.id as string;
    const asBoss = (data: object) => admin.request.patch(`/api/admin/users/${id}`, { data });
    const promoteSelf = () => page.request.patch(`/api/admin/users/${id}`, { data: { role: 'admin' } });
    const unbanSelf = () => page.request.post(`/api/admin/users/${id}/unban`);
    const IN_FLIGHT = 4;

    expect((await asBoss({ role: 'admin' })).status()).toBe(200);
    for (const refused of [await promoteSelf(), await unbanSelf()]) {
      expect(refused.status()).toBe(403);
      expect((await refused.json()).error.code).toBe('self_action');
    }
    // Demoted while promoting themselves back.
    const promotions = Array.from({ length: IN_FLIGHT }, promoteSelf);
    expect((await asBoss({ role: 'shopper' })).status()).toBe(200);
    for (const response of await Promise.all(promotions)) expect(response.status()).toBe(403);
    const demoted = await admin.request.get(`/api/admin/users/${id}`);
    expect((await demoted.json()).user.role).toBe('shopper');

    // Banned while lifting the ban.
    expect((await asBoss({ role: 'admin' })).status()).toBe(200);
    const unbans = Array.from({ length: IN_FLIGHT }, unbanSelf);
    const ban = await admin.request.post(`/api/admin/users/${id}/ban`, {
      data: { reason: 'Race', durationSeconds: 3600 },
    });
    expect(ban.status()).toBe(200);
    for (const response of await Promise.all(unbans)) expect(response.status()).toBeGreaterThanOrEqual(400);
    const banned = await admin.request.get(`/api/admin/users/${id}`);
    expect((await banned.json()).user.status).toBe('banned');
    attacksTried(2 + 2 * IN_FLIGHT);
  });
});

test.describe('open event streams', () => {
  test('one session holding more event streams than its cap keeps only the newest', async ({
    page,
    user,
    admin,
  }) => {
    // A page without the app's own tab follower, so every stream is the test's.
    await page.goto('/api/me');
    await expect(page.locator('body')).toContainText(user.email);
    const { id } = JSON.parse((await page.locator('body').textContent()) ?? '{}').user as { id: string };
    const CAP = 4;
    const OPENED = CAP + 2;
    // Each stream reads its first state, then waits for what comes next.
    const next = page.evaluate(async (count) => {
      const decoder = new TextDecoder();
      async function message(reader: ReadableStreamDefaultReader<Uint8Array>, buffer = ''): Promise<string> {
        const data = /^data: (.*)$/m.exec(buffer);
        if (data) return data[1] as string;
        const { value, done } = await reader.read();
        return done ? 'closed' : message(reader, buffer + decoder.decode(value));
      }
      const readers = [];
      for (let i = 0; i < count; i += 1) {
        const response = await fetch('/api/account/events', { headers: { accept: 'text/event-stream' } });
        const reader = (response.body as ReadableStream<Uint8Array>).getReader();
        await message(reader);
        readers.push(reader);
      }
      (window as unknown as { opened: boolean }).opened = true;
      return Promise.all(readers.map((reader) => message(reader)));
    }, OPENED);
    await page.waitForFunction(() => (window as unknown as { opened?: boolean }).opened === true);
    // A change of the user reaches every stream still open.
    expect(
      (await admin.request.patch(`/api/admin/users/${id}`, { data: { tier: 'premium' } })).status(),
    ).toBe(200);
    const said = (await next).map((data) => JSON.parse(data) as { status: string; tier?: string });
    expect(said.slice(0, OPENED - CAP)).toEqual(Array(OPENED - CAP).fill({ status: 'superseded' }));
    for (const state of said.slice(OPENED - CAP))
      expect(state).toMatchObject({ status: 'active', tier: 'premium' });
    attacksTried(OPENED - CAP);
  });
});

import { OPEN_REDIRECT_PAYLOADS } from '../test/open-redirect-payloads';
import { expect, test } from './fixtures/users';

// The security suite: each attack is a named test; every one must be refused.

const RETURN_PATH_PAGES = ['/login', '/register'];

/** The query strings a payload can arrive in: encoded as a browser would, and typed raw into the address bar. */
function queryForms(payload: string): string[] {
  return [`next=${encodeURIComponent(payload)}`, `next=${payload.replace(/[\s#&]/g, encodeURIComponent)}`];
}

test.describe('open redirect', () => {
  test(`a signed-in visitor is never sent off-site by ${OPEN_REDIRECT_PAYLOADS.length} return-path payloads`, async ({
    page,
    user,
    baseURL,
  }) => {
    expect(user.email).toBeTruthy();
    const origin = new URL(baseURL as string).origin;
    let tried = 0;
    for (const path of RETURN_PATH_PAGES) {
      for (const payload of OPEN_REDIRECT_PAYLOADS) {
        for (const query of queryForms(payload)) {
          const response = await page.request.get(`${path}?${query}`, { maxRedirects: 0 });
          expect(response.status(), `${path}?${query}`).toBeLessThan(500);
          const location = response.headers().location;
          if (location)
            expect(new URL(location, origin).origin, `${path}?${query} → ${location}`).toBe(origin);
          tried += 1;
        }
      }
    }
    expect(tried).toBe(RETURN_PATH_PAGES.length * OPEN_REDIRECT_PAYLOADS.length * 2);
  });

  test('signing in with a dot-segment payload lands on this site', async ({ page, credentials, baseURL }) => {
    const origin = new URL(baseURL as string).origin;
    for (const payload of ['/.//evil.example', '/%252e//evil.example', '/a/..//evil.example/x']) {
      await page.context().clearCookies();
      await page.goto(`/login?next=${payload}`);
      await page.getByLabel('Email').fill(credentials.email);
      await page.getByLabel('Password').fill(credentials.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(`${origin}/`);
    }
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
      ]) {
        expect(csp, path).toContain(directive);
      }
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      // The e2e site is plain http: no HSTS there (lib/http/security-headers.test.ts covers https).
      expect(headers['strict-transport-security']).toBeUndefined();
    });
  }

  test('the policy blocks nothing the storefront itself serves', async ({ page, user }) => {
    expect(user.email).toBeTruthy();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const path of [
      '/',
      '/products/cast-iron-skillet',
      '/search?q=mug',
      '/account',
      '/account/sessions',
    ]) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
    }
    expect(violations).toEqual([]);
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
  });
});

test.describe('lockout abuse', () => {
  test("a guesser who exhausts an account's budget cannot lock its owner's browser out", async ({
    page,
    browser,
    credentials,
  }) => {
    // The owner signs in once in this browser, then signs out: the device cookie stays.
    await page.goto('/login');
    await page.getByLabel('Email').fill(credentials.email);
    await page.getByLabel('Password').fill(credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
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
    await page.getByLabel('Email').fill(credentials.email);
    await page.getByLabel('Password').fill(credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL('/');
  });
});

test.describe('registration abuse', () => {
  test('a common password is refused on the form, which shows its strength as it is typed', async ({
    page,
  }) => {
    const email = `weak-${Date.now()}-${Math.random().toString(36).slice(2)}@test.example`;
    await page.goto('/register');
    await page.getByLabel('Name').fill('Weak Password');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('password123');
    await expect(page.getByTestId('password-strength')).toContainText('Too easy to guess');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText(/This password is too easy to guess/)).toBeVisible();
    await expect(page).toHaveURL(/\/register/);

    await page.getByLabel('Password').fill('amber walrus teaches chess');
    await expect(page.getByTestId('password-strength')).toContainText('Strong');
  });

  test('the API refuses a weak password with 400 and fields, and creates nothing', async ({ request }) => {
    const email = `weak-api-${Date.now()}@test.example`;
    const response = await request.post('/api/auth/register', {
      data: { email, password: 'password123', name: 'Weak' },
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.fields.password[0]).toMatch(/too easy to guess/);
    const login = await request.post('/api/auth/login', { data: { email, password: 'password123' } });
    expect(login.status()).toBe(401);
  });
});

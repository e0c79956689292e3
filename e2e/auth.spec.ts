import { DEMO_ADMIN, expect, newCredentials, test } from './fixtures/users';

const MAX_FAILURES = Number(process.env.LOGIN_MAX_FAILURES ?? 5);

test('register, sign out, and sign back in', async ({ page }) => {
  const credentials = newCredentials();
  await page.goto('/register');
  await page.getByLabel('Name').fill(credentials.name);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL('/');
  const account = page.getByRole('navigation', { name: 'Account' });
  await expect(account.getByText(credentials.name)).toBeVisible();

  await account.getByRole('button', { name: 'Sign out' }).click();
  await expect(account.getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect((await page.request.get('/api/me')).status()).toBe(401);

  await account.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/');
  await expect(account.getByText(credentials.name)).toBeVisible();
});

test('shows field errors on the register form and keeps what was typed, except the password', async ({
  page,
}) => {
  await page.goto('/register');
  await page.getByLabel('Name').fill('Short Password');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(page.getByLabel('Email')).toBeFocused();
  await expect(page.getByLabel('Name')).toHaveValue('Short Password');
  await expect(page.getByLabel('Password')).toHaveValue('');
});

test('a wrong password gets one message that does not say whether the email exists', async ({
  page,
  credentials,
}) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill('definitely not it');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is incorrect.');
  await expect(page.getByLabel('Password')).toHaveValue('');

  await page.getByLabel('Email').fill(newCredentials().email);
  await page.getByLabel('Password').fill('definitely not it');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is incorrect.');
});

test(`after ${MAX_FAILURES} failures the login page says to wait`, async ({ page, credentials }) => {
  await page.goto('/login');
  for (let attempt = 1; attempt <= MAX_FAILURES; attempt += 1) {
    await page.getByLabel('Email').fill(credentials.email);
    await page.getByLabel('Password').fill(`wrong password ${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is incorrect.');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    /^Too many failed sign-in attempts for this account from browsers it has not signed in from\. .*Try again in \d+ minutes?\.$/,
  );
  await expect(page).toHaveURL(/\/login/);
});

test('a cookie replayed after logout is refused', async ({ page, user, browser, baseURL }) => {
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  const saved = await page.context().cookies();
  expect(saved.some((cookie) => cookie.name === 'sid')).toBe(true);

  const logout = await page.request.post('/api/auth/logout');
  expect(logout.status()).toBe(204);

  const replay = await browser.newContext({ baseURL });
  await replay.addCookies(saved);
  expect((await replay.request.get('/api/me')).status()).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto('/account');
  await expect(replayPage).toHaveURL('/login?next=%2Faccount');
  await expect(replayPage.getByText(user.email)).toHaveCount(0);
  await replay.close();
});

test('a shopper cannot open the admin page', async ({ page, user }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('navigation', { name: 'Account' }).getByText(user.name)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toHaveCount(0);
});

test('the demo admin can open the admin page', async ({ page }) => {
  await page.goto('/login?next=%2Fadmin');
  await page.getByLabel('Email').fill(DEMO_ADMIN.email);
  await page.getByLabel('Password').fill(DEMO_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/admin');
  await expect(page.getByRole('heading', { name: 'Dashboard', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign-ins per hour, last 7 days' })).toBeVisible();
});

test('the next parameter never leaves the site', async ({ page, credentials }) => {
  for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example']) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email').fill(credentials.email);
    await page.getByLabel('Password').fill(credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL('/');
  }
});

test('the login page returns to the page that asked for it', async ({ page, credentials }) => {
  await page.goto('/account/sessions');
  await expect(page).toHaveURL('/login?next=%2Faccount%2Fsessions');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/account/sessions');
});

test('"Keep me signed in" decides whether the cookie outlives the browser', async ({ page, credentials }) => {
  const sessionCookie = async () => (await page.context().cookies()).find((cookie) => cookie.name === 'sid');
  const signIn = async (remember: boolean) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(credentials.email);
    await page.getByLabel('Password').fill(credentials.password);
    await page.getByLabel('Keep me signed in').setChecked(remember);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL('/');
  };

  // The device list as shown. Once in CI an unscoped test id also matched a hidden copy of the row, outside the list
  // and out of the accessibility tree (a rendering moment; the visible list had the one row), and strict mode failed.
  const devices = page.getByRole('list', { name: 'Sessions' }).getByTestId('device-session');
  await signIn(false);
  expect((await sessionCookie())?.expires).toBe(-1);
  await page.goto('/account/sessions');
  await expect(devices).toContainText('Until the browser closes');

  await page.context().clearCookies();
  await signIn(true);
  const days = ((await sessionCookie())?.expires ?? 0) - Date.now() / 1000;
  expect(days / 86_400).toBeGreaterThan(29);
  await page.goto('/account/sessions');
  await expect(devices.filter({ hasText: 'This device' })).toContainText('Kept signed in');

  const api = await page.request.post('/api/auth/login', {
    data: { email: credentials.email, password: credentials.password, remember: true },
  });
  expect(api.status()).toBe(200);
  expect(api.headers()['set-cookie']).toMatch(/sid=[^;]+; Path=\/; Max-Age=\d+/);
  const plain = await page.request.post('/api/auth/login', {
    data: { email: credentials.email, password: credentials.password },
  });
  expect(plain.headers()['set-cookie']).toMatch(/sid=[^;]+; Path=\/; HttpOnly/);
  const wrong = await page.request.post('/api/auth/login', {
    data: { email: credentials.email, password: credentials.password, remember: 'yes' },
  });
  expect(wrong.status()).toBe(400);
});

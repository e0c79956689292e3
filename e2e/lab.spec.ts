import { expectNoSeriousA11yViolations } from './fixtures/axe';
import { expect, test } from './fixtures/users';

test('ban the lab user and write the deny-list: Redis refuses at once, the JWT still answers stale, the deny-list refuses', async ({
  page,
}) => {
  // Two axe runs on a page that polls, through a production server on a shared machine.
  test.slow();
  await page.goto('/lab');
  await expectNoSeriousA11yViolations(page, '/lab');
  await page.getByRole('button', { name: 'Try it: make me a lab user' }).click();

  const redis = page.getByTestId('lab-column-redis');
  const jwt = page.getByTestId('lab-column-jwt');
  const denylist = page.getByTestId('lab-column-denylist');
  for (const column of [redis, jwt, denylist]) await expect(column).toHaveAttribute('data-status', '200');
  await expect(page.getByText('The JWT, decoded in this page')).toBeVisible();
  await expectNoSeriousA11yViolations(page, '/lab (signed in)');

  await page.getByRole('button', { name: 'Ban it and write the deny-list' }).click();
  await expect(redis).toHaveAttribute('data-status', '401');
  await expect(denylist).toHaveAttribute('data-status', '403');
  await expect(page.getByTestId('lab-denylist-note')).toHaveText(/^Caught/);
  await expect(jwt).toHaveAttribute('data-status', '200');
  const stale = await (await page.request.get('/api/lab/jwt-me')).json();
  expect(stale.user).toMatchObject({ role: 'shopper', tier: 'standard', banned: false });
  expect((await page.request.get('/api/lab/redis-me')).status()).toBe(401);
  expect((await page.request.get('/api/lab/denylist-me')).status()).toBe(403);
});

test('a ban that never wrote the deny-list, from the page or the admin console: the deny-list column says it cannot know', async ({
  page,
  admin,
}) => {
  await page.goto('/lab');
  await page.getByRole('button', { name: 'Try it: make me a lab user' }).click();
  const redis = page.getByTestId('lab-column-redis');
  const denylist = page.getByTestId('lab-column-denylist');
  await expect(denylist).toHaveAttribute('data-status', '200');
  // The column says in plain words which bans it can see, before any ban is made.
  await expect(denylist).toContainText('only the bans whose code remembered to write the list');

  await page.getByRole('button', { name: 'Ban it as the admin console does' }).click();
  await expect(redis).toHaveAttribute('data-status', '401');
  await expect(page.getByTestId('lab-denylist-note')).toHaveText(
    /^Missed: this ban never wrote the deny-list/,
  );
  await expect(denylist).toHaveAttribute('data-status', '200');
  expect((await page.request.get('/api/lab/denylist-me')).status()).toBe(200);

  // The same through the admin console itself: it bans, and the deny-list never hears of it.
  await page.getByRole('button', { name: 'Unban' }).click();
  await page.getByRole('button', { name: 'Start over with a new lab user' }).click();
  await expect(redis).toHaveAttribute('data-status', '200');
  const { user } = (await (await page.request.get('/api/lab/jwt-me')).json()) as { user: { id: string } };
  const ban = await admin.request.post(`/api/admin/users/${user.id}/ban`, {
    data: { reason: 'Banned in the admin console', durationSeconds: null },
  });
  expect(ban.status()).toBe(200);
  await expect(redis).toHaveAttribute('data-status', '401');
  expect((await page.request.get('/api/lab/denylist-me')).status()).toBe(200);
  await expect(denylist).toHaveAttribute('data-status', '200');
});

test('upgrade the lab user: Redis sees premium at once, the JWT keeps the old tier', async ({ page }) => {
  await page.goto('/lab');
  await page.getByRole('button', { name: 'Try it: make me a lab user' }).click();
  await page.getByRole('button', { name: 'Upgrade to premium' }).click();
  await expect(page.getByTestId('lab-redis-tier')).toHaveText('premium');
  await expect(page.getByTestId('lab-jwt-tier')).toHaveText('standard');
  await expect(page.getByTestId('lab-denylist-tier')).toHaveText('standard');
});

test("next-auth's own endpoints sign an ordinary account in to the lab", async ({
  credentials,
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await request.get('/api/lab/auth/csrf')).json()) as { csrfToken: string };
  expect(csrfToken).toBeTruthy();
  const signIn = await request.post('/api/lab/auth/callback/credentials', {
    form: { csrfToken, email: credentials.email, password: credentials.password, json: 'true' },
  });
  expect(signIn.status()).toBe(200);
  const me = await request.get('/api/lab/jwt-me');
  expect(me.status()).toBe(200);
  expect((await me.json()).user).toMatchObject({ email: credentials.email, role: 'shopper' });
  // The lab's JWT is not a storefront session.
  expect((await request.get('/api/me')).status()).toBe(401);
  await request.dispose();
});

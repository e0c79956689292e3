import { expectNoSeriousA11yViolations } from './fixtures/axe';
import { expect, test } from './fixtures/users';

test('ban the lab user: Redis refuses at once, the JWT still answers stale, the deny-list refuses', async ({
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

  await page.getByRole('button', { name: 'Ban the lab user' }).click();
  await expect(redis).toHaveAttribute('data-status', '401');
  await expect(denylist).toHaveAttribute('data-status', '403');
  await expect(jwt).toHaveAttribute('data-status', '200');
  const stale = await (await page.request.get('/api/lab/jwt-me')).json();
  expect(stale.user).toMatchObject({ role: 'shopper', tier: 'standard', banned: false });
  expect((await page.request.get('/api/lab/redis-me')).status()).toBe(401);
  expect((await page.request.get('/api/lab/denylist-me')).status()).toBe(403);
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

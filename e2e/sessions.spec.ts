import { expectNoSeriousA11yViolations } from './fixtures/axe';
import { apiLogin, expect, test } from './fixtures/users';

const ELSEWHERE = 'You were signed out on this device from another one.';

test('revoking a device on /account/sessions sends its open tab to the login page by itself, which says why', async ({
  page,
  user,
  browser,
  baseURL,
}) => {
  const other = await browser.newContext({ baseURL });
  await apiLogin(other.request, user);
  const otherPage = await other.newPage();
  await otherPage.goto('/account');
  await expect(otherPage.getByRole('heading', { name: 'Your account' })).toBeVisible();

  await page.goto('/account/sessions');
  const devices = page.getByTestId('device-session');
  await expect(devices).toHaveCount(2);
  await expect(devices.first()).toContainText('This device');
  await expect(devices.first()).toContainText(/Chrome \d+ on \w+/);
  await devices
    .nth(1)
    .getByRole('button', { name: /^Sign out / })
    .click();
  await expect(devices).toHaveCount(1);

  // The revoked device's tab learns it from its open-tab events, without a click.
  await expect(otherPage).toHaveURL('/login?next=%2Faccount');
  await expect(otherPage.getByRole('status').filter({ hasText: ELSEWHERE })).toBeVisible();
  await expectNoSeriousA11yViolations(otherPage, 'the sign-in page of a device signed out from another');
  await expect(page.getByText(ELSEWHERE)).toHaveCount(0);
  expect((await other.request.get('/api/me')).status()).toBe(401);
  expect((await page.request.get('/api/me')).status()).toBe(200);
  await other.close();
});

test('"Sign out everywhere else" keeps only this device', async ({ page, user, browser, baseURL }) => {
  const others = await Promise.all([browser.newContext({ baseURL }), browser.newContext({ baseURL })]);
  for (const context of others) await apiLogin(context.request, user);

  await page.goto('/account/sessions');
  await expect(page.getByTestId('device-session')).toHaveCount(3);
  await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(page.getByTestId('device-session')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Sign out everywhere else' })).toHaveCount(0);

  for (const context of others) {
    expect((await context.request.get('/api/me')).status()).toBe(401);
    await context.close();
  }
  expect((await page.request.get('/api/me')).status()).toBe(200);
});

test('signing this device out from the list ends at the login page', async ({ page, user }) => {
  await page.goto('/account/sessions');
  await expect(page.getByTestId('device-session')).toHaveCount(1);
  await page
    .getByTestId('device-session')
    .getByRole('button', { name: /^Sign out / })
    .click();
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get('/api/me')).status()).toBe(401);
  await page.goto('/account');
  await expect(page).toHaveURL('/login?next=%2Faccount');
  await expect(page.getByText(user.email)).toHaveCount(0);
});

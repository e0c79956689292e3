import { expectNoSeriousA11yViolations } from './fixtures/axe';
import { mailedLink } from './fixtures/mailbox';
import { apiLogin, expect, test } from './fixtures/users';

const NEW_PASSWORD = 'a brand new password 42';

test('a reset link from the mailbox sets a new password, signs every device out and works once', async ({
  page,
  credentials,
  browser,
  baseURL,
}) => {
  // Many steps through a production server on a shared machine: more time, no assertion about it.
  test.slow();
  const other = await browser.newContext({ baseURL });
  await apiLogin(other.request, credentials);
  // The owner has signed in on this browser before: the mailbox keeps a reset link only for such a browser.
  await apiLogin(page.request, credentials);
  expect((await page.request.post('/api/auth/logout')).status()).toBe(204);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL('/forgot-password');
  await expectNoSeriousA11yViolations(page, '/forgot-password');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await expect(page.getByRole('status')).toContainText('If an account uses this address');

  const link = await mailedLink(page.request, credentials.email, '/reset-password');
  await page.goto('/mailbox');
  await expect(page.getByTestId('mail-message').first()).toContainText(
    'Reset your Northwind Supply password',
  );
  await expectNoSeriousA11yViolations(page, '/mailbox');
  await page.getByRole('link', { name: /\/reset-password\?token=/ }).click();
  await expect(page).toHaveURL(link);
  await expectNoSeriousA11yViolations(page, '/reset-password');
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status')).toContainText('Your password was changed');

  expect((await other.request.get('/api/me')).status()).toBe(401);
  await other.close();
  const signIn = (password: string) =>
    page.request.post('/api/auth/login', { data: { email: credentials.email, password } });
  expect((await signIn(credentials.password)).status()).toBe(401);
  expect((await signIn(NEW_PASSWORD)).status()).toBe(200);

  // The used link says so at once, instead of showing the form again.
  await page.goto(link);
  await expect(
    page.getByRole('alert').filter({ hasText: 'This link was used or has expired' }),
  ).toBeVisible();
  await expect(page.getByLabel('New password')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Ask for a new one' })).toBeVisible();
});

test('changing the password signs the other device out and keeps this one', async ({
  page,
  user,
  browser,
  baseURL,
}) => {
  test.slow();
  const other = await browser.newContext({ baseURL });
  await apiLogin(other.request, user);

  await page.goto('/account');
  await page.getByRole('link', { name: 'Change your password' }).click();
  await expect(page).toHaveURL('/account/security');
  await expectNoSeriousA11yViolations(page, '/account/security');

  await page.getByLabel('Current password').fill('not my password at all');
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByLabel('Current password')).toHaveAccessibleDescription(/not your current password/);
  expect((await other.request.get('/api/me')).status()).toBe(200);

  await page.getByLabel('Current password').fill(user.password);
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status')).toContainText('Every other device has been signed out');

  expect((await other.request.get('/api/me')).status()).toBe(401);
  await other.close();
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  expect((await page.request.get('/api/me')).status()).toBe(200);
  // Signed in without "Keep me signed in": the new session's cookie still ends with the browser.
  const sid = (await page.context().cookies()).find((cookie) => cookie.name === 'sid');
  expect(sid?.expires).toBe(-1);
});

test('the address is verified from the link mailed at registration', async ({ page, user }) => {
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'Please confirm your email address' })).toBeVisible();
  await expect(page.getByText('Not verified')).toBeVisible();
  await expectNoSeriousA11yViolations(page, '/account (unverified)');

  const link = await mailedLink(page.request, user.email, '/verify-email');
  await page.goto('/mailbox');
  await expectNoSeriousA11yViolations(page, '/mailbox');
  await page.getByRole('link', { name: /\/verify-email\?token=/ }).click();
  await expect(page).toHaveURL(link);
  await expectNoSeriousA11yViolations(page, '/verify-email');
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByRole('status')).toContainText('Your email address is verified');

  await page.getByRole('link', { name: 'Go to your account' }).click();
  await expect(page.getByText('Verified', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Please confirm your email address' })).toHaveCount(0);
});

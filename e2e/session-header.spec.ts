import { apiLogin, expect, test } from './fixtures/users';
import { setTier } from './fixtures/tier';

// Cached pages learn who is looking from GET /api/session. A sign-in or sign-out elsewhere (another tab) reaches an
// open page when it is shown or focused again, with no reload.

const refresh = () => window.dispatchEvent(new Event('focus'));

test('the account menu, tier badge and premium price arrive after sign-in and leave after sign-out, with no reload', async ({
  page,
  credentials,
}) => {
  await setTier(credentials.email, 'premium');
  await page.goto('/products/cast-iron-skillet');
  const account = page.getByRole('navigation', { name: 'Account' });
  await expect(account.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Premium members pay $44.10 (10% off)')).toBeVisible();
  await expect(page.getByTestId('premium-price')).toHaveCount(0);
  // A reload would lose this mark.
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  await apiLogin(page.request, credentials);
  await page.evaluate(refresh);
  await expect(account.getByTestId('account-name')).toHaveText(credentials.name);
  await expect(account.getByTestId('tier-badge')).toHaveText('Premium');
  await expect(page.getByTestId('premium-price')).toHaveText('Your premium price: $44.10 (10% off)');

  expect((await page.request.post('/api/auth/logout')).status()).toBe(204);
  await page.evaluate(refresh);
  await expect(account.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(account.getByTestId('tier-badge')).toHaveCount(0);
  await expect(page.getByTestId('premium-price')).toHaveCount(0);
  expect(await page.evaluate(() => 'stillTheSamePage' in window)).toBe(true);
});

test('a standard member sees the invitation, not a premium price', async ({ page, user }) => {
  await page.goto('/products/cast-iron-skillet');
  await expect(page.getByRole('navigation', { name: 'Account' }).getByTestId('tier-badge')).toHaveText(
    'Standard',
  );
  await expect(page.getByTestId('account-name')).toHaveText(user.name);
  await expect(page.getByText('Premium members pay $44.10 (10% off)')).toBeVisible();
  await expect(page.getByTestId('premium-price')).toHaveCount(0);
});

import { expectNoSeriousA11yViolations } from './fixtures/axe';
import { expect, test } from './fixtures/users';

// A session's end reaches its open tabs by their event stream, without a click: a plain sign-out in one tab signs
// the browser's other tabs out without a word of another device (e2e/sessions.spec: one that another device
// signed out says so).

const ELSEWHERE = 'You were signed out on this device from another one.';

test('signing out in one tab signs the other tabs of the browser out, with no word of another device', async ({
  page,
  user,
  context,
}) => {
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  const other = await context.newPage();
  await other.goto('/products/cast-iron-skillet');
  const otherAccount = other.getByRole('navigation', { name: 'Account' });
  await expect(otherAccount.getByTestId('account-name')).toHaveText(user.name);

  await otherAccount.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(otherAccount.getByRole('link', { name: 'Sign in' })).toBeVisible();

  // The first tab, untouched: its private page sends it to sign in, and its header no longer shows the account.
  await expect(page).toHaveURL('/login?next=%2Faccount');
  const account = page.getByRole('navigation', { name: 'Account' });
  await expect(account.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(account.getByTestId('account-name')).toHaveCount(0);
  await expect(page.getByText(ELSEWHERE)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the sign-in page after a sign-out in another tab');
});

test('signing this device out from its own devices page is no news from elsewhere', async ({
  page,
  user,
}) => {
  await page.goto('/account/sessions');
  await expect(page.getByTestId('account-name')).toHaveText(user.name);
  await page
    .getByTestId('device-session')
    .getByRole('button', { name: /^Sign out / })
    .click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(ELSEWHERE)).toHaveCount(0);
});

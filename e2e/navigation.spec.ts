import { expect, test } from './fixtures/users';

// Every page a shopper has is reachable by a link: orders from the header, the account page and the footer; the
// JWT lab from the footer.

test('a signed-in shopper finds their orders from the header, the account page and the footer', async ({
  page,
  user,
}) => {
  await page.goto('/');
  // Signed in as this shopper: the account menu carries their name.
  await expect(
    page.getByRole('navigation', { name: 'Account', exact: true }).getByText(user.name),
  ).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Account', exact: true })
    .getByRole('link', { name: 'Orders', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: 'Your orders' })).toBeVisible();

  await page.goto('/account');
  await page.getByRole('main').getByRole('link', { name: 'Your orders' }).click();
  await expect(page.getByRole('heading', { name: 'Your orders' })).toBeVisible();

  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Your orders' }).click();
  await expect(page.getByRole('heading', { name: 'Your orders' })).toBeVisible();
});

test('the footer links the JWT lab', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'The JWT lab' }).click();
  await expect(page.getByRole('heading', { name: 'The JWT lab' })).toBeVisible();
});

import { idOf, patchUser } from './fixtures/admin';
import { expectNoSeriousA11yViolations } from './fixtures/axe';
import { expect, test } from './fixtures/users';

// The tier is the demo's point: a change an admin makes reaches every price an open page shows, not only the badge.
// One $32.00 bottle: standard pays $7.95 shipping and no discount ($39.95); premium 10% off and free shipping ($28.80).

const BOTTLE = 'insulated-water-bottle';

test('an open cart reprices when an admin changes the tier, up and back down, without a reload', async ({
  page,
  user,
  admin,
}) => {
  test.slow();
  const shopperId = await idOf(page.request, user);
  const { product } = await (await page.request.get(`/api/products/${BOTTLE}`)).json();
  expect(
    (await page.request.post('/api/cart/items', { data: { productId: product.id, quantity: 1 } })).status(),
  ).toBe(200);

  await page.goto('/cart');
  const summary = page.getByRole('complementary', { name: 'Order summary' });
  await expect(summary.getByTestId('total')).toHaveText('$39.95');
  await expect(summary.getByTestId('shipping')).toHaveText('$7.95');
  await expect(summary.getByTestId('discount')).toHaveCount(0);
  // A reload would lose this mark.
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  await patchUser(admin, shopperId, { tier: 'premium' });
  await expect(page.getByTestId('tier-badge')).toHaveText('Premium');
  await expect(summary.getByTestId('discount')).toHaveText('−$3.20');
  await expect(summary.getByTestId('shipping')).toHaveText('Free');
  await expect(summary.getByTestId('total')).toHaveText('$28.80');
  await expectNoSeriousA11yViolations(page, 'the cart, repriced for premium');

  await patchUser(admin, shopperId, { tier: 'standard' });
  await expect(page.getByTestId('tier-badge')).toHaveText('Standard');
  await expect(summary.getByTestId('discount')).toHaveCount(0);
  await expect(summary.getByTestId('shipping')).toHaveText('$7.95');
  await expect(summary.getByTestId('total')).toHaveText('$39.95');
  expect(await page.evaluate(() => 'stillTheSamePage' in window)).toBe(true);
});

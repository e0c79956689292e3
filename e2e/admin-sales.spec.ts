import { expectNoSeriousA11yViolations } from './fixtures/axe';
import { placeOrder } from './fixtures/checkout';
import { expect, test } from './fixtures/users';

// The dashboard's sales beside its session figures, and a user's orders on their admin page, readable on a phone.

test('a paid order shows in the dashboard sales and on the shopper’s admin page', async ({
  page,
  user,
  admin,
}) => {
  const { items } = (await (await page.request.get('/api/products?pageSize=20')).json()) as {
    items: { id: string; stock: number }[];
  };
  const product = items.find((item) => item.stock >= 2);
  expect(product).toBeDefined();
  expect(
    (await page.request.post('/api/cart/items', { data: { productId: product?.id, quantity: 2 } })).status(),
  ).toBe(200);
  const order = await placeOrder(page.request);

  const adminPage = await admin.newPage();
  await adminPage.setViewportSize({ width: 390, height: 844 });
  await adminPage.goto('/admin');
  const paid = adminPage
    .locator('dt', { hasText: /^Paid orders, last 30 days$/ })
    .locator('xpath=..')
    .locator('dd');
  await expect(paid).toHaveText(/^[1-9]\d*$/);
  await expect(
    adminPage.getByRole('img', { name: /^Revenue per day over the last 30 days: \$[\d,.]+ from [1-9]/ }),
  ).toBeVisible();
  // The axis labels are HTML, so a phone shows them at the page's small text size, not shrunk with the drawing.
  const tick = adminPage.getByText(/^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d+$/).first();
  await expect(tick).toBeVisible();
  expect(
    await tick.evaluate((element) => parseFloat(getComputedStyle(element).fontSize)),
  ).toBeGreaterThanOrEqual(12);
  await expectNoSeriousA11yViolations(adminPage, '/admin (390 px)');

  const listed = await admin.request.get(`/api/admin/users?q=${encodeURIComponent(user.email)}`);
  const [target] = ((await listed.json()) as { items: { id: string }[] }).items;
  await adminPage.goto(`/admin/users/${target?.id}`);
  const orders = adminPage.getByRole('list', { name: 'Orders' }).getByRole('listitem');
  await expect(orders).toHaveCount(1);
  await expect(orders.first()).toContainText(`Order ${order.id}`);
  await expect(orders.first()).toContainText('2 items');
  await expect(orders.first()).toContainText('Paid');
  await expectNoSeriousA11yViolations(adminPage, '/admin/users/[id] with orders');
});

import { randomInt } from 'node:crypto';
import { products as seedProducts } from '../prisma/seed-data';
import { apiLogin, expect, test } from './fixtures/users';

// A product change expires its cached pages: the very next request shows it. Only this spec changes this product,
// and it puts the seed's stock back.
const SLUG = 'walnut-desk-clock';
const ADMIN = { email: 'admin@example.com', password: 'demo-admin-pass' };
const seedStock = seedProducts.find((product) => product.slug === SLUG)?.stock;

test('a stock change shows on the next request of the product page and the JSON API', async ({
  playwright,
  baseURL,
  page,
}) => {
  expect(seedStock).toBeGreaterThan(0);
  const admin = await playwright.request.newContext({ baseURL });
  await apiLogin(admin, ADMIN);
  const stockMessage = page.getByTestId('stock-message');
  await page.goto(`/products/${SLUG}`);
  await expect(stockMessage).toHaveText(`${seedStock} in stock.`);

  const stock = randomInt(100, 1000);
  try {
    const change = await admin.patch(`/api/admin/products/${SLUG}`, { data: { stock } });
    expect(change.status(), await change.text()).toBe(200);
    await page.goto(`/products/${SLUG}`);
    await expect(stockMessage).toHaveText(`${stock} in stock.`);
    const api = await page.request.get(`/api/products/${SLUG}`);
    expect(((await api.json()) as { product: { stock: number } }).product.stock).toBe(stock);
  } finally {
    expect((await admin.patch(`/api/admin/products/${SLUG}`, { data: { stock: seedStock } })).status()).toBe(
      200,
    );
    await admin.dispose();
  }
});

test('only an admin may change a product', async ({ page, request, user }) => {
  const change = { data: { stock: 1 } };
  expect((await request.patch(`/api/admin/products/${SLUG}`, change)).status()).toBe(401);
  expect((await page.request.patch(`/api/admin/products/${SLUG}`, change)).status()).toBe(403);
  const session = (await (await page.request.get('/api/session')).json()) as { user: { email: string } };
  expect(session.user.email).toBe(user.email.toLowerCase());
});

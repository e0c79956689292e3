import { randomInt } from 'node:crypto';
import { products as seedProducts } from '../prisma/seed-data';
import { expect, test } from './fixtures/users';

// A product change expires its cached pages: the very next request shows it. Only this spec changes this product,
// and it puts the seed's stock back, then loads the page once more so the cache holds the seed's value again (Next
// keeps regenerated pages on disk, while tag expiry lives in the process: see docs/caching.md, several instances).
const SLUG = 'walnut-desk-clock';
const seedStock = seedProducts.find((product) => product.slug === SLUG)?.stock;

test('a stock change shows on the next request of the product page and the JSON API', async ({
  page,
  admin,
}) => {
  expect(seedStock).toBeGreaterThan(0);
  const setStock = async (value: number | undefined) =>
    expect(
      (await admin.request.patch(`/api/admin/products/${SLUG}`, { data: { stock: value } })).status(),
    ).toBe(200);
  // From the seed's stock, written through the same path: the page a server restart kept on disk is expired too.
  await setStock(seedStock);
  const stockMessage = page.getByTestId('stock-message');
  await page.goto(`/products/${SLUG}`);
  await expect(stockMessage).toHaveText(`${seedStock} in stock.`);

  const stock = randomInt(100, 1000);
  try {
    await setStock(stock);
    await page.goto(`/products/${SLUG}`);
    await expect(stockMessage).toHaveText(`${stock} in stock.`);
    const api = await page.request.get(`/api/products/${SLUG}`);
    expect(((await api.json()) as { product: { stock: number } }).product.stock).toBe(stock);
  } finally {
    await setStock(seedStock);
    await page.goto(`/products/${SLUG}`);
    await expect(stockMessage).toHaveText(`${seedStock} in stock.`);
  }
});

test('only an admin may change a product', async ({ page, request, user }) => {
  const change = { data: { stock: 1 } };
  expect((await request.patch(`/api/admin/products/${SLUG}`, change)).status()).toBe(401);
  expect((await page.request.patch(`/api/admin/products/${SLUG}`, change)).status()).toBe(403);
  const session = (await (await page.request.get('/api/session')).json()) as { user: { email: string } };
  expect(session.user.email).toBe(user.email.toLowerCase());
});

import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { e2eEnv } from '../playwright.config';
import { startInstance, type Instance } from './fixtures/instances';
import { placeOrder } from './fixtures/checkout';
import { expect, signedInEmail, test } from './fixtures/users';

// The catalog's cached pages, with a product of this spec's own, added to the database after the build: it gets its
// page on its first visit, a made-up slug gets a 404 that leaves nothing in the build folder, and a checkout's new
// stock shows on the next request of the page and the JSON API, on this instance and on a second one.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

// Next's page cache (lib/cache/page-cache-handler.mjs) keeps each rendered URL as files in the build folder (today
// under server/route-cache/APP_PAGE/<hash>/$/<path>: .html, .meta, .segments/), named after the URL's slug.
const serverDir = join(process.env.NEXT_DIST_DIR ?? '.next', 'server');
const cachedFiles = (slug: string) =>
  readdirSync(serverDir, { recursive: true, encoding: 'utf8' }).filter((path) => path.includes(slug));

const id = randomUUID().slice(0, 8);
const CATEGORY = { slug: `cache-spec-${id}`, name: `Cache Spec ${id}` };
const PRODUCT = { slug: `cache-spec-lantern-${id}`, name: `Zyxt Lantern ${id}`, stock: 50 };
const BOUGHT = 3;

let sql: pg.Client;
let second: Instance;

test.beforeAll(async () => {
  sql = new pg.Client({ connectionString: e2eEnv.DATABASE_URL });
  await sql.connect();
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO "Category" ("id", "slug", "name", "description") VALUES ($1, $2, $3, 'Made for a spec.')
     RETURNING "id"`,
    [`cat-${id}`, CATEGORY.slug, CATEGORY.name],
  );
  await sql.query(
    `INSERT INTO "Product" ("id", "slug", "name", "description", "priceCents", "stock", "imagePath", "categoryId",
       "updatedAt")
     VALUES ($1, $2, $3, 'Made for a spec.', 1500, $4, '/products/cast-iron-skillet.svg', $5, now())`,
    [`prod-${id}`, PRODUCT.slug, PRODUCT.name, PRODUCT.stock, rows[0]?.id],
  );
});

test.afterAll(async () => {
  await second?.terminate();
  // This spec's orders hold the product; they are its user's alone.
  await sql.query(
    `DELETE FROM "Order" WHERE "id" IN (SELECT "orderId" FROM "OrderItem" WHERE "productId" = $1)`,
    [`prod-${id}`],
  );
  await sql.query(`DELETE FROM "Product" WHERE "id" = $1`, [`prod-${id}`]);
  await sql.query(`DELETE FROM "Category" WHERE "id" = $1`, [`cat-${id}`]);
  await sql.end();
});

test('made-up product and category URLs answer 404 and write nothing to the build folder; a product added after the build gets its page', async ({
  request,
}) => {
  const madeUp = Array.from({ length: 3 }, () => `no-such-${randomUUID()}`);
  for (const slug of madeUp) {
    for (const section of ['products', 'categories'] as const) {
      expect((await request.get(`/${section}/${slug}`)).status(), `/${section}/${slug}`).toBe(404);
    }
  }

  const page = await request.get(`/products/${PRODUCT.slug}`);
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain(PRODUCT.name);
  // The new product's page is written after it was sent, and after the made-up ones would have been: once it is
  // there, theirs would be too.
  await expect
    .poll(() => cachedFiles(PRODUCT.slug).some((path) => path.endsWith(`${PRODUCT.slug}.html`)))
    .toBe(true);
  for (const slug of madeUp) {
    expect(cachedFiles(slug), slug).toEqual([]);
  }
});

test('a checkout changes the stock on the next request of the product page and the JSON API, on two instances', async ({
  page,
  request,
  user,
  baseURL,
}) => {
  // The buyer: a checkout needs a signed-in shopper.
  expect(await signedInEmail(page.request)).toBe(user.email);
  second = await startInstance({});
  // Read signed out: the instances seal cookies with keys of their own, and the catalog is the same for everyone.
  const stockOn = async (origin: string) => {
    const html = await (await request.get(`${origin}/products/${PRODUCT.slug}`)).text();
    const api = (await (await request.get(`${origin}/api/products/${PRODUCT.slug}`)).json()) as {
      product: { id: string; stock: number };
    };
    return {
      page: html.match(/(\d+)(?:<!-- -->)? in stock\./)?.[1],
      api: api.product.stock,
      id: api.product.id,
    };
  };

  // Both instances have the page and the product's data cached before the checkout.
  const before = await stockOn(baseURL as string);
  expect(before).toMatchObject({ page: String(PRODUCT.stock), api: PRODUCT.stock });
  expect(await stockOn(second.url)).toMatchObject({ page: String(PRODUCT.stock), api: PRODUCT.stock });

  const added = await page.request.post('/api/cart/items', {
    data: { productId: before.id, quantity: BOUGHT },
  });
  expect(added.status(), await added.text()).toBe(200);
  await placeOrder(page.request);

  const after = { page: String(PRODUCT.stock - BOUGHT), api: PRODUCT.stock - BOUGHT };
  expect(await stockOn(baseURL as string)).toMatchObject(after);
  expect(await stockOn(second.url)).toMatchObject(after);
});

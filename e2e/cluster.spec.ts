import { e2eEnv } from '../playwright.config';
import { startRedisCluster, type PrivateCluster } from '../test/redis-cluster';
import { startInstance, type Instance } from './fixtures/instances';
import { DEMO_ADMIN, expect, newCredentials, test } from './fixtures/users';

// One `next start` instance of the e2e build whose Redis is a private 3-master Redis Cluster (REDIS_CLUSTER_NODES):
// a shopper's guest cart (the guest's slot) joins the user's cart (the user's slot) at sign-in, and a ban made through
// the admin API reaches the shopper's open tab (pub/sub over the cluster) and their next request.

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const PRODUCT = { slug: 'insulated-water-bottle', name: 'Insulated Water Bottle' };

let cluster: PrivateCluster;
let app: Instance;

test.beforeAll(async () => {
  cluster = await startRedisCluster();
  app = await startInstance({
    REDIS_CLUSTER_NODES: cluster.nodeList,
    REDIS_URL: `redis://127.0.0.1:${cluster.nodes[0]?.port}`,
    REDIS_KEY_PREFIX: `${e2eEnv.REDIS_KEY_PREFIX}cluster:`,
  });
});

test.afterAll(async () => {
  await app?.terminate();
  await cluster?.remove();
});

test('on Redis Cluster: a guest cart joins the account at sign-in, and a ban lands on the open tab and the next request', async ({
  browser,
  playwright,
}) => {
  const credentials = newCredentials();
  const api = await playwright.request.newContext({ baseURL: app.url });
  const registered = await api.post('/api/auth/register', { data: credentials });
  expect(registered.status(), await registered.text()).toBe(201);
  const { user } = (await registered.json()) as { user: { id: string } };

  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  await page.goto(`/products/${PRODUCT.slug}`);
  await page.getByRole('button', { name: 'Add to cart', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'to your cart' })).toBeVisible();

  await page.goto('/login?next=/cart');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/cart');
  await expect(page.getByLabel(`Quantity of ${PRODUCT.name}`)).toHaveValue('1');

  const admin = await playwright.request.newContext({ baseURL: app.url });
  expect((await admin.post('/api/auth/login', { data: DEMO_ADMIN })).status()).toBe(200);
  const ban = await admin.post(`/api/admin/users/${user.id}/ban`, {
    data: { reason: 'Cluster ban test', durationSeconds: 3600 },
  });
  expect(ban.status(), await ban.text()).toBe(200);

  // The open tab hears it through the cluster's pub/sub and goes to /banned by itself, with the reason.
  await expect(page).toHaveURL('/banned');
  await expect(page.getByText('Cluster ban test')).toBeVisible();
  const next = await page.request.get('/api/me');
  expect([401, 403]).toContain(next.status());

  await Promise.all([context.close(), api.dispose(), admin.dispose()]);
});

import { apiLogin, expect, newCredentials, test } from './fixtures/users';

// The catalog's HTML carries nothing about the visitor: signed out, as one user and as another, the bytes are the same.
const CATALOG_PAGES = [
  '/',
  '/products/cast-iron-skillet',
  '/categories/kitchen',
  '/search?q=mug',
  '/no-such-page',
];

test('catalog pages are the same bytes for every visitor', async ({ playwright, baseURL, user }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const userA = await playwright.request.newContext({ baseURL });
  await apiLogin(userA, user);
  const userB = await playwright.request.newContext({ baseURL });
  const other = newCredentials();
  expect((await userB.post('/api/auth/register', { data: other })).status()).toBe(201);
  expect(((await (await userA.get('/api/session')).json()) as { user: { name: string } }).user.name).toBe(
    user.name,
  );

  for (const path of CATALOG_PAGES) {
    const body = async (visitor: typeof anonymous) => (await visitor.get(path)).body();
    const [signedOut, asA, asB] = await Promise.all([body(anonymous), body(userA), body(userB)]);
    expect(asA.equals(signedOut), `${path} as user A`).toBe(true);
    expect(asB.equals(signedOut), `${path} as user B`).toBe(true);
    for (const name of [user.name, other.name]) expect(signedOut.toString()).not.toContain(name);
  }
  await Promise.all([anonymous.dispose(), userA.dispose(), userB.dispose()]);
});

test('cached pages tell a CDN how long to keep them; /api/session tells everyone to keep nothing', async ({
  request,
}) => {
  for (const path of ['/', '/products/cast-iron-skillet']) {
    const cacheControl = (await request.get(path)).headers()['cache-control'];
    expect(cacheControl, path).toMatch(/s-maxage=\d+/);
    expect(cacheControl, path).toMatch(/stale-while-revalidate=\d+/);
  }
  const session = await request.get('/api/session');
  expect(session.headers()['cache-control']).toBe('private, no-store');
  expect(await session.json()).toEqual({ user: null });
});

test('a browser finds an icon, a crawler finds robots.txt and a sitemap of the catalog', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(icon).toBeTruthy();
  const iconResponse = await request.get(icon as string);
  expect(iconResponse.status()).toBe(200);
  expect(iconResponse.headers()['content-type']).toContain('image/svg+xml');

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/^Disallow: \/account$/m);
  expect(robots).toMatch(/^Sitemap: .*\/sitemap\.xml$/m);

  const sitemap = await (await request.get('/sitemap.xml')).text();
  for (const path of ['/categories/kitchen', '/products/cast-iron-skillet']) {
    expect(sitemap).toContain(`${path}</loc>`);
  }
});

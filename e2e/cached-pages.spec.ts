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
    // Other specs place orders meanwhile, and a stock change may land between the three requests: the same bytes
    // in one of three rounds shows the page does not depend on who asks. A visitor's name in it fails at once.
    let same = false;
    for (let round = 0; round < 3 && !same; round += 1) {
      const [signedOut, asA, asB] = await Promise.all([body(anonymous), body(userA), body(userB)]);
      for (const page of [signedOut, asA, asB]) {
        for (const name of [user.name, other.name]) expect(page.toString(), path).not.toContain(name);
      }
      same = asA.equals(signedOut) && asB.equals(signedOut);
    }
    expect(same, `${path}: the same bytes signed out, as user A and as user B`).toBe(true);
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
  expect(await session.json()).toEqual({ user: null, cartCount: 0 });
});

test('a browser finds an icon, a crawler finds robots.txt and a sitemap of the catalog', async ({
  page,
  request,
}) => {
  await page.goto('/');
  // The favicon.ico for old browsers and the SVG for the rest: each link answers with its image.
  const icons = await page
    .locator('link[rel="icon"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const types = [];
  for (const icon of icons) {
    const response = await request.get(icon);
    expect(response.status(), icon).toBe(200);
    types.push(response.headers()['content-type']?.split(';')[0]);
  }
  expect(types).toEqual(expect.arrayContaining(['image/svg+xml', 'image/x-icon']));

  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/^Disallow: \/account$/m);
  expect(robots).toMatch(/^Sitemap: .*\/sitemap\.xml$/m);

  const sitemap = await (await request.get('/sitemap.xml')).text();
  for (const path of ['/categories/kitchen', '/products/cast-iron-skillet']) {
    expect(sitemap).toContain(`${path}</loc>`);
  }
});

import { expect, test } from './fixtures/users';

// A guest's page load is quiet: no event stream asked for without a session (it would answer 401 and log it), and
// no CSP violation (zod's eval probe, were zod in a client chunk). The pages a guest walks through, one by one.

const GUEST_PAGES = [
  '/',
  '/search?q=mug',
  '/categories/kitchen',
  '/products/cast-iron-skillet',
  '/cart',
  '/login',
];

test('guest pages log no console error, break no CSP rule and open no event stream', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  const streams: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/account/events') streams.push(page.url());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });

  for (const path of GUEST_PAGES) {
    await page.goto(path);
    await expect(
      page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }),
    ).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  expect(errors).toEqual([]);
  expect(streams).toEqual([]);
});

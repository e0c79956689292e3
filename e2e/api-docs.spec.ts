import { expect, test } from '@playwright/test';
import type { OpenApiDocument } from '@/lib/openapi/document';
import { expectNoSeriousA11yViolations } from './fixtures/axe';

// The API reference is the app's own page, rendered from the served document, and reachable from every page.

test('the API reference lists every operation of the document, reached from the footer, and passes axe', async ({
  page,
  request,
}) => {
  const served = (await (await request.get('/api/openapi.json')).json()) as OpenApiDocument;
  const count = Object.values(served.paths).reduce((sum, methods) => sum + Object.keys(methods).length, 0);

  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'API reference' }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole('heading', { level: 1, name: 'API reference' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Operations' }).getByRole('link')).toHaveCount(count);
  await expect(page.getByRole('article')).toHaveCount(count + Object.keys(served.components.schemas).length);

  const checkout = page.locator('article', {
    has: page.getByRole('heading', { name: /post\s*\/api\/checkout/i }),
  });
  await expect(checkout.getByText('idempotency-key', { exact: true })).toBeVisible();
  for (const status of ['201', '400', '401', '402', '403', '409', '413', '503']) {
    await expect(checkout.getByText(status, { exact: true })).toBeVisible();
  }
  await expectNoSeriousA11yViolations(page, '/docs/api');
});

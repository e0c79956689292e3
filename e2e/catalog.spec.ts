import { expect, test } from '@playwright/test';
import { products as seedProducts } from '../prisma/seed-data';
import { expectNoSeriousA11yViolations } from './fixtures/axe';

test('a shopper browses from the home page to a category, a product and a search', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Everyday goods, made to earn their keep.',
  );
  const featured = page.getByRole('list', { name: 'Featured products' });
  await expect(featured.getByRole('listitem')).toHaveCount(seedProducts.filter((p) => p.featured).length);
  await expectNoSeriousA11yViolations(page, 'home');

  await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Kitchen' }).click();
  await expect(page).toHaveURL(/\/categories\/kitchen$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kitchen');
  const kitchen = seedProducts.filter((p) => p.category === 'kitchen');
  await expect(page.getByRole('list', { name: 'Products' }).getByRole('listitem')).toHaveCount(
    kitchen.length,
  );
  await expectNoSeriousA11yViolations(page, 'category');

  await page.getByRole('link', { name: 'Cast Iron Skillet 10"' }).click();
  await expect(page).toHaveURL(/\/products\/cast-iron-skillet$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cast Iron Skillet 10"');
  await expect(page.getByTestId('product-price')).toHaveText('$49.00');
  await expect(page.getByRole('img', { name: 'Cast Iron Skillet 10"' })).toBeVisible();
  await expect(page).toHaveTitle('Cast Iron Skillet 10" · Northwind Supply');
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
    'content',
    /\/products\/cast-iron-skillet\.svg$/,
  );
  await expectNoSeriousA11yViolations(page, 'product');

  const search = page.getByRole('search', { name: 'Products' });
  await search.getByRole('searchbox', { name: 'Search products' }).fill('MERINO');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=MERINO$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “MERINO”');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('heading').first()).toContainText('Merino');
  await expect(results.getByRole('link', { name: 'Hiking Socks, 3-Pack' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'search');
});

test('search results can be sorted and paged', async ({ page }) => {
  await page.goto('/search');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All products');
  await page.getByLabel('Sort by').selectOption('price-desc');
  await page.getByRole('button', { name: 'Sort' }).click();
  await expect(page).toHaveURL(/\/search\?sort=price-desc$/);
  // Results stream in after the page shell; wait for them before reading the prices.
  await expect(page.getByTestId('result-count')).toContainText('Showing 1–24');
  const prices = await page
    .getByRole('list', { name: 'Search results' })
    .locator('article p.text-lg')
    .allTextContents();
  const cents = prices.map((text) => Number(text.replace(/[^0-9]/g, '')));
  expect(cents.length).toBeGreaterThan(1);
  expect(cents).toEqual([...cents].sort((a, b) => b - a));

  const pagination = page.getByRole('navigation', { name: 'Pagination' });
  await pagination.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/\/search\?sort=price-desc&page=2$/);
  await expect(pagination.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('result-count')).toContainText('Showing 25–');
  await expectNoSeriousA11yViolations(page, 'search page 2');
});

test('invalid search parameters fall back to the defaults', async ({ page }) => {
  const response = await page.goto('/search?page=abc&sort=bogus&pageSize=9999&q=lamp');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Results for “lamp”');
  await expect(page.getByRole('link', { name: 'Articulated Desk Lamp' })).toBeVisible();
  await expect(page.getByLabel('Sort by')).toHaveValue('relevance');
});

test('a search without matches says so', async ({ page }) => {
  await page.goto('/search?q=100%25_nothing');
  await expect(page.getByRole('heading', { name: 'No products match “100%_nothing”' })).toBeVisible();
});

test('an unknown product answers 404 with the not-found page', async ({ page }) => {
  const response = await page.goto('/products/no-such-product');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that page');
  await expectNoSeriousA11yViolations(page, 'not found');
});

test('an unknown category answers 404', async ({ page }) => {
  const response = await page.goto('/categories/no-such-category');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We couldn’t find that page');
});

test('an out-of-stock product shows its state', async ({ page }) => {
  await page.goto('/products/gooseneck-pour-over-kettle');
  const details = page.getByRole('region', { name: 'Gooseneck Pour-Over Kettle' });
  await expect(details.getByTestId('stock-status')).toHaveText('Out of stock');
  await expect(details.getByTestId('stock-message')).toContainText('out of stock right now');
});

test('a low-stock product says how many are left', async ({ page }) => {
  await page.goto('/products/rechargeable-camp-lantern');
  const details = page.getByRole('region', { name: 'Rechargeable Camp Lantern' });
  await expect(details.getByTestId('stock-status')).toHaveText('Only 2 left');
  await expect(details.getByTestId('stock-message')).toHaveText('Only 2 left in stock.');
});

test('the skip link moves keyboard focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main-content')).toBeFocused();
});

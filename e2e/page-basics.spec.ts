import { expect, test } from './fixtures/users';

// What Lighthouse and the browsers look for in every page, and a page that keeps still while it streams in.

test('the favicon and the Apple touch icon answer 200 with their own types, and every page links them', async ({
  page,
  request,
}) => {
  await page.goto('/');
  for (const [rel, type] of [
    ['icon', 'image/x-icon'],
    ['apple-touch-icon', 'image/png'],
  ] as const) {
    const href = await page.locator(`head link[rel="${rel}"][type="${type}"]`).getAttribute('href');
    expect(href, rel).toBeTruthy();
    const response = await request.get(href as string);
    expect(response.status(), href as string).toBe(200);
    expect(response.headers()['content-type']).toBe(type);
  }
  const ico = await request.get('/favicon.ico');
  expect(ico.status()).toBe(200);
  // An ICO file's header: reserved 0, type 1.
  expect([...(await ico.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
});

test('/search has a meta description in the head, with and without a query', async ({ page }) => {
  for (const path of ['/search', '/search?q=mug']) {
    await page.goto(path);
    const description = page.locator('head meta[name="description"]');
    await expect(description, path).toHaveCount(1);
    expect(await description.getAttribute('content'), path).toMatch(/Northwind Supply/);
  }
});

type Shift = { sources: string[] };

/** Records every layout shift of the page from its first paint, with the tag names of the elements that moved. */
async function recordShifts(page: import('@playwright/test').Page): Promise<() => Promise<Shift[]>> {
  await page.addInitScript(() => {
    const shifts: Shift[] = [];
    (window as unknown as { shifts: Shift[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { sources: { node?: Node }[] }[]) {
        shifts.push({
          sources: entry.sources.map((source) => (source.node as Element | undefined)?.tagName ?? ''),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { shifts: Shift[] }).shifts);
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
]) {
  test(`/orders and /account keep the footer below the fold while they stream in (${viewport.width} px)`, async ({
    page,
    user,
  }) => {
    expect(user.email).toContain('@');
    await page.setViewportSize(viewport);
    const shifts = await recordShifts(page);
    for (const path of ['/orders', '/account']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const footer = await page.locator('body > footer, footer').last().boundingBox();
      expect(footer?.y, path).toBeGreaterThanOrEqual(viewport.height);
      expect(
        (await shifts()).filter((shift) => shift.sources.includes('FOOTER')),
        path,
      ).toEqual([]);
    }
  });
}

test('the home hero keeps its height while its collage streams in and its images load', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.addInitScript(() => {
    const heights: number[] = [];
    (window as unknown as { heroHeights: number[] }).heroHeights = heights;
    new MutationObserver((_, observer) => {
      const hero = document.querySelector('[data-testid="home-hero"]');
      if (!hero) return;
      observer.disconnect();
      new ResizeObserver((entries) => heights.push(Math.round(entries[0]?.contentRect.height ?? 0))).observe(
        hero,
      );
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  await page.waitForLoadState('load');
  await expect(page.locator('[data-testid="home-hero"] img')).toHaveCount(4);
  const heights = await page.evaluate(() => (window as unknown as { heroHeights: number[] }).heroHeights);
  expect(heights.length).toBeGreaterThan(0);
  expect(new Set(heights).size, `hero heights seen: ${heights.join(', ')}`).toBe(1);
});

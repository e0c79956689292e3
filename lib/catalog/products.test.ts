import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import { products as seedProducts } from '@/prisma/seed-data';
import { getProductBySlug, listFeaturedProducts, listProducts, type ProductSummary } from './products';
import { productQuerySchema, type ProductQueryInput } from './schema';

// Seeded products are read, never changed; tests that need special data create their own category.

const query = (input: ProductQueryInput) => productQuerySchema.parse(input);
const slugs = (items: ProductSummary[]) => items.map((item) => item.slug);
const seedIn = (category: string) => seedProducts.filter((product) => product.category === category);
const seedMatching = (word: string) =>
  seedProducts.filter((product) =>
    `${product.name} ${product.description}`.toLowerCase().includes(word.toLowerCase()),
  );

describe('listProducts on the seeded catalog', () => {
  it('filters by category and reports the total', async () => {
    const result = await listProducts(query({ category: 'kitchen' }));
    expect(result.total).toBe(seedIn('kitchen').length);
    expect(new Set(slugs(result.items))).toEqual(new Set(seedIn('kitchen').map((product) => product.slug)));
    expect(result.items.every((item) => item.category.slug === 'kitchen')).toBe(true);
  });

  it('returns the API fields with the image path of the product', async () => {
    const result = await listProducts(query({ category: 'apparel', pageSize: 1, sort: 'name' }));
    expect(result.items[0]).toEqual({
      id: expect.any(String),
      slug: 'hiking-socks-3-pack',
      name: 'Hiking Socks, 3-Pack',
      priceCents: 2400,
      currency: 'USD',
      stock: 73,
      image: '/products/hiking-socks-3-pack.svg',
      category: { slug: 'apparel', name: 'Apparel' },
    });
  });

  it('pages through a category without gaps or repeats, keeping the total on every page', async () => {
    const expected = seedIn('outdoor').map((product) => product.slug);
    const first = await listProducts(query({ category: 'outdoor', pageSize: 4, page: 1 }));
    const second = await listProducts(query({ category: 'outdoor', pageSize: 4, page: 2 }));
    const beyond = await listProducts(query({ category: 'outdoor', pageSize: 4, page: 3 }));
    expect(first.items).toHaveLength(4);
    expect(second.items).toHaveLength(expected.length - 4);
    expect([first.total, second.total, beyond.total]).toEqual([
      expected.length,
      expected.length,
      expected.length,
    ]);
    expect(beyond.items).toEqual([]);
    expect([...slugs(first.items), ...slugs(second.items)].sort()).toEqual([...expected].sort());
    expect(second).toMatchObject({ page: 2, pageSize: 4 });
  });

  it('sorts by price both ways', async () => {
    const ascending = await listProducts(query({ category: 'desk-and-office', sort: 'price-asc' }));
    const descending = await listProducts(query({ category: 'desk-and-office', sort: 'price-desc' }));
    const ascendingPrices = ascending.items.map((item) => item.priceCents);
    expect(ascendingPrices).toEqual([...ascendingPrices].sort((a, b) => a - b));
    expect(descending.items.map((item) => item.priceCents)).toEqual([...ascendingPrices].reverse());
  });

  it('sorts newest first by the date the product was added', async () => {
    const result = await listProducts(query({ category: 'home', sort: 'newest' }));
    const expected = seedIn('home')
      .sort((a, b) => b.addedOn.localeCompare(a.addedOn))
      .map((product) => product.slug);
    expect(slugs(result.items)).toEqual(expected);
  });

  it('without a search, relevance puts featured products first', async () => {
    const result = await listProducts(query({ category: 'outdoor' }));
    const featured = new Set(
      seedIn('outdoor')
        .filter((p) => p.featured)
        .map((p) => p.slug),
    );
    expect(featured.size).toBeGreaterThan(0);
    const flags = result.items.map((item) => featured.has(item.slug));
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
  });

  it('searches case-insensitively in names and descriptions, name matches first', async () => {
    const result = await listProducts(query({ q: 'MERINO' }));
    const expected = seedMatching('merino');
    expect(result.total).toBe(expected.length);
    expect(new Set(slugs(result.items))).toEqual(new Set(expected.map((product) => product.slug)));
    const inName = result.items.map((item) => item.name.toLowerCase().includes('merino'));
    expect(inName).toContain(false);
    expect(inName).toEqual([...inName].sort((a, b) => Number(b) - Number(a)));
  });

  it('requires every word of the search, in any order and field', async () => {
    expect(slugs((await listProducts(query({ q: 'beanie wool' }))).items)).toEqual(['merino-wool-beanie']);
    expect(slugs((await listProducts(query({ q: 'beanie trail' }))).items)).toEqual(['merino-wool-beanie']);
    expect((await listProducts(query({ q: 'beanie tent' }))).total).toBe(0);
  });

  it('treats % in a search as a literal character', async () => {
    const result = await listProducts(query({ q: '100%' }));
    const expected = seedMatching('100%');
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(slugs(result.items))).toEqual(new Set(expected.map((product) => product.slug)));
  });

  it('combines a search with a category filter', async () => {
    const result = await listProducts(query({ q: 'merino', category: 'home' }));
    expect(slugs(result.items)).toEqual(['merino-throw-blanket']);
  });

  it('shows out-of-stock products with stock 0', async () => {
    const result = await listProducts(query({ category: 'kitchen', q: 'gooseneck' }));
    expect(result.items).toHaveLength(1);
    expect(result.items[0]?.stock).toBe(0);
  });

  it('rejects an unknown category with not_found', async () => {
    const attempt = listProducts(query({ category: 'no-such-category' }));
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'not_found', status: 404 });
  });
});

describe('getProductBySlug', () => {
  it('returns the product with its description and category', async () => {
    const product = await getProductBySlug('ergonomic-task-chair');
    expect(product).toMatchObject({
      slug: 'ergonomic-task-chair',
      name: 'Ergonomic Task Chair',
      stock: 0,
      priceCents: 42900,
      category: { slug: 'desk-and-office', name: 'Desk & Office' },
    });
    expect(product?.description).toMatch(/lumbar/);
  });

  it('returns null for an unknown slug', async () => {
    expect(await getProductBySlug('no-such-product')).toBeNull();
  });
});

describe('listFeaturedProducts', () => {
  it('returns the featured products', async () => {
    const items = await listFeaturedProducts(50);
    const seedFeatured = seedProducts.filter((product) => product.featured).map((product) => product.slug);
    expect(slugs(items)).toEqual(expect.arrayContaining(seedFeatured));
    const flags = await db.product.findMany({
      where: { slug: { in: slugs(items) } },
      select: { featured: true },
    });
    expect(flags.every((flag) => flag.featured)).toBe(true);
  });

  it('honours the limit', async () => {
    expect(await listFeaturedProducts(2)).toHaveLength(2);
  });
});

describe('listProducts on products made for these tests', () => {
  const suffix = randomBytes(4).toString('hex');
  const category = `test-catalog-${suffix}`;

  beforeAll(async () => {
    const created = await db.category.create({
      data: { slug: category, name: `Test ${suffix}`, description: 'Made by lib/catalog/products.test.ts' },
    });
    const make = (
      slug: string,
      name: string,
      description: string,
      extra: { featured?: boolean; stock?: number } = {},
    ) =>
      db.product.create({
        data: {
          slug: `${slug}-${suffix}`,
          name,
          description,
          priceCents: 1000,
          stock: extra.stock ?? 5,
          featured: extra.featured ?? false,
          imagePath: '/products/stoneware-coffee-mug.svg',
          categoryId: created.id,
        },
      });
    await make('percent', 'Blend 50% Linen', 'Half and half.');
    await make('digits', 'Blend 5000 Linen', 'A number, not a percentage.');
    await make('underscore', 'Tag snake_case Label', 'An underscore in the name.');
    await make('no-underscore', 'Tag snakeXcase Label', 'Any character where the underscore was.');
    await make('backslash', 'Path C:\\temp Sign', 'A backslash in the name.');
    await make('backslash-free', 'Path C:temp Sign', 'No backslash.');
    await make('name-hit', 'Quokka Lamp', 'A lamp.');
    await make('description-hit', 'Plain Lamp', 'A lamp loved by every quokka.', { featured: true });
    await make('sold-out', 'Alpha Sold Out', 'Gone for now.', { stock: 0 });
  });

  afterAll(async () => {
    await db.product.deleteMany({ where: { category: { slug: category } } });
    await db.category.deleteMany({ where: { slug: category } });
  });

  const search = async (q: string) => slugs((await listProducts(query({ q, category }))).items);

  it('treats % and _ and \\ literally', async () => {
    expect(await search('50%')).toEqual([`percent-${suffix}`]);
    expect(await search('snake_case')).toEqual([`underscore-${suffix}`]);
    expect(await search('c:\\temp')).toEqual([`backslash-${suffix}`]);
  });

  it('ranks a name match above a featured description-only match', async () => {
    expect(await search('quokka')).toEqual([`name-hit-${suffix}`, `description-hit-${suffix}`]);
  });

  it('sorts by name', async () => {
    const names = (await listProducts(query({ category, sort: 'name' }))).items.map((item) => item.name);
    expect(names[0]).toBe('Alpha Sold Out');
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('lists an out-of-stock product with stock 0', async () => {
    expect((await getProductBySlug(`sold-out-${suffix}`))?.stock).toBe(0);
  });
});

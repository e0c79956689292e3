import { describe, expect, it } from 'vitest';
import { products as seedProducts } from '@/prisma/seed-data';
import { GET } from './route';

const get = (query: string) => GET(new Request(`http://localhost/api/products${query}`));

describe('GET /api/products', () => {
  it('answers a page of products in the documented shape', async () => {
    const response = await get('?category=kitchen&sort=price-asc&pageSize=2');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      page: 1,
      pageSize: 2,
      total: seedProducts.filter((product) => product.category === 'kitchen').length,
    });
    expect(body.items).toHaveLength(2);
    expect(Object.keys(body.items[0]).sort()).toEqual(
      ['category', 'currency', 'id', 'image', 'name', 'priceCents', 'slug', 'stock'].sort(),
    );
    expect(body.items[0].category).toEqual({ slug: 'kitchen', name: 'Kitchen' });
    expect(body.items[0].priceCents).toBeLessThanOrEqual(body.items[1].priceCents);
  });

  it('uses the defaults without parameters', async () => {
    const body = await (await get('')).json();
    expect(body).toMatchObject({ page: 1, pageSize: 24 });
    expect(body.total).toBeGreaterThanOrEqual(seedProducts.length);
  });

  it('searches case-insensitively', async () => {
    const body = await (await get('?q=CAST%20IRON')).json();
    expect(body.items.map((item: { slug: string }) => item.slug)).toEqual(['cast-iron-skillet']);
  });

  it.each([
    ['page', 'page=0'],
    ['page', 'page=abc'],
    ['pageSize', 'pageSize=101'],
    ['sort', 'sort=bogus'],
    ['category', 'category=Kitchen%20Stuff'],
  ])('answers 400 validation_failed naming %s for ?%s', async (field, query) => {
    const response = await get(`?${query}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
    expect(Object.keys(body.error.fields)).toEqual([field]);
  });

  it('answers 404 not_found for an unknown category', async () => {
    const response = await get('?category=no-such-category');
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });
});

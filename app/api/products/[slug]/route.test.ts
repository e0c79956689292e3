import { describe, expect, it } from 'vitest';
import { GET } from './route';

const get = (slug: string) =>
  GET(new Request(`http://localhost/api/products/${slug}`), { params: Promise.resolve({ slug }) });

describe('GET /api/products/[slug]', () => {
  it('answers the product with its description', async () => {
    const response = await get('baseplate-compass');
    expect(response.status).toBe(200);
    const { product } = await response.json();
    expect(product).toEqual({
      id: expect.any(String),
      slug: 'baseplate-compass',
      name: 'Baseplate Compass',
      description: expect.stringContaining('declination'),
      priceCents: 2900,
      currency: 'USD',
      stock: 0,
      image: '/products/baseplate-compass.svg',
      category: { slug: 'outdoor', name: 'Outdoor' },
    });
  });

  it('answers 404 in the error shape for an unknown slug', async () => {
    const response = await get('no-such-product');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: expect.any(String) },
    });
  });

  it('answers 400 with fields for something that is not a slug at all', async () => {
    const response = await get('../Not A Slug');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({
      code: 'validation_failed',
      fields: { slug: expect.any(Array) },
    });
  });
});

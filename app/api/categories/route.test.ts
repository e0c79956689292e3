import { describe, expect, it } from 'vitest';
import { categories as seedCategories, products as seedProducts } from '@/prisma/seed-data';
import { GET } from './route';

describe('GET /api/categories', () => {
  it('answers every category with its product count', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    const { items } = await response.json();
    for (const category of seedCategories) {
      expect(items).toContainEqual({
        slug: category.slug,
        name: category.name,
        productCount: seedProducts.filter((product) => product.category === category.slug).length,
      });
    }
  });
});

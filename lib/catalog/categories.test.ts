import { describe, expect, it } from 'vitest';
import { categories as seedCategories, products as seedProducts } from '@/prisma/seed-data';
import { getCategoryBySlug, listCategories } from './categories';

const seedCount = (slug: string) => seedProducts.filter((product) => product.category === slug).length;

describe('listCategories', () => {
  it('lists every seeded category with its product count, by name', async () => {
    const listed = await listCategories();
    for (const category of seedCategories) {
      expect(listed).toContainEqual({
        slug: category.slug,
        name: category.name,
        productCount: seedCount(category.slug),
      });
    }
    const names = listed.map((category) => category.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('getCategoryBySlug', () => {
  it('returns the category with its description and count', async () => {
    expect(await getCategoryBySlug('desk-and-office')).toEqual({
      slug: 'desk-and-office',
      name: 'Desk & Office',
      description: expect.stringContaining('Notebooks'),
      productCount: seedCount('desk-and-office'),
    });
  });

  it('returns null for an unknown slug', async () => {
    expect(await getCategoryBySlug('no-such-category')).toBeNull();
  });
});

import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db';

export type CategorySummary = { slug: string; name: string; productCount: number };
export type CategoryDetail = CategorySummary & { description: string };

// cache(): the header, footer and page of one render share a single query.
export const listCategories = cache(async (): Promise<CategorySummary[]> => {
  const categories = await db.category.findMany({
    select: { slug: true, name: true, _count: { select: { products: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return categories.map(({ _count, ...category }) => ({ ...category, productCount: _count.products }));
});

export const getCategoryBySlug = cache(async (slug: string): Promise<CategoryDetail | null> => {
  const category = await db.category.findUnique({
    where: { slug },
    select: { slug: true, name: true, description: true, _count: { select: { products: true } } },
  });
  if (!category) return null;
  const { _count, ...rest } = category;
  return { ...rest, productCount: _count.products };
});

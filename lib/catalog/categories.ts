import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { db } from '@/lib/db';
import type { z } from 'zod';
import type { categorySummarySchema } from './schema';
import { CATEGORIES_TAG } from './tags';

export type CategorySummary = z.infer<typeof categorySummarySchema>;
type CategoryDetail = CategorySummary & { description: string };

export async function listCategories(): Promise<CategorySummary[]> {
  'use cache';
  cacheLife('catalog');
  cacheTag(CATEGORIES_TAG);
  const categories = await db.category.findMany({
    select: { slug: true, name: true, _count: { select: { products: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return categories.map(({ _count, ...category }) => ({ ...category, productCount: _count.products }));
}

export async function getCategoryBySlug(slug: string): Promise<CategoryDetail | null> {
  'use cache';
  cacheLife('catalog');
  cacheTag(CATEGORIES_TAG);
  const category = await db.category.findUnique({
    where: { slug },
    select: { slug: true, name: true, description: true, _count: { select: { products: true } } },
  });
  if (!category) return null;
  const { _count, ...rest } = category;
  return { ...rest, productCount: _count.products };
}

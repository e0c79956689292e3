import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/http/errors';
import { getCategoryBySlug } from './categories';
import type { z } from 'zod';
import type {
  ProductQuery,
  ProductSort,
  productDetailSchema,
  productPageSchema,
  productSummarySchema,
} from './schema';
import { PRODUCT_LISTS_TAG, productTag } from './tags';

export type ProductSummary = z.infer<typeof productSummarySchema>;
export type ProductDetail = z.infer<typeof productDetailSchema>;
export type ProductPage = z.infer<typeof productPageSchema>;

// Longer queries add little and cost a condition each.
const MAX_SEARCH_TERMS = 8;

type ProductRow = {
  id: string;
  slug: string;
  name: string;
  priceCents: number;
  currency: string;
  stock: number;
  imagePath: string;
  categorySlug: string;
  categoryName: string;
};

export const withCategory = { category: { select: { slug: true, name: true } } } as const;

type ProductWithCategory = Prisma.ProductGetPayload<{ include: typeof withCategory }>;

function toSummary(product: ProductWithCategory): ProductSummary {
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    priceCents: product.priceCents,
    currency: product.currency,
    stock: product.stock,
    image: product.imagePath,
    category: { slug: product.category.slug, name: product.category.name },
  };
}

export function toProductDetail(product: ProductWithCategory & { description: string }): ProductDetail {
  return { ...toSummary(product), description: product.description };
}

function rowToSummary(row: ProductRow): ProductSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    priceCents: row.priceCents,
    currency: row.currency,
    stock: row.stock,
    image: row.imagePath,
    category: { slug: row.categorySlug, name: row.categoryName },
  };
}

/** A LIKE pattern that matches `text` anywhere, with the user's % _ and \ taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  const terms = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return [...new Set(terms)].slice(0, MAX_SEARCH_TERMS);
}

function nameMatches(pattern: string): Prisma.Sql {
  return Prisma.sql`p."name" ILIKE ${pattern} ESCAPE '\\'`;
}

function orderBy(sort: ProductSort, q: string | undefined, terms: string[]): Prisma.Sql {
  switch (sort) {
    case 'price-asc':
      return Prisma.sql`p."priceCents" ASC, p."name" ASC, p."id" ASC`;
    case 'price-desc':
      return Prisma.sql`p."priceCents" DESC, p."name" ASC, p."id" ASC`;
    case 'name':
      return Prisma.sql`p."name" ASC, p."id" ASC`;
    case 'newest':
      return Prisma.sql`p."createdAt" DESC, p."id" ASC`;
    case 'relevance': {
      if (!q || terms.length === 0) return Prisma.sql`p."featured" DESC, p."name" ASC, p."id" ASC`;
      // The whole phrase in the name first, then more terms in the name, then matches only in the description.
      const nameTermHits = Prisma.join(
        terms.map((term) => Prisma.sql`(${nameMatches(containsPattern(term))})::int`),
        ' + ',
      );
      return Prisma.sql`(${nameMatches(containsPattern(q.trim()))}) DESC, (${nameTermHits}) DESC,
        p."featured" DESC, p."name" ASC, p."id" ASC`;
    }
  }
}

/**
 * One page of products. Every search term must appear (case-insensitively) in the name or the description.
 * An unknown category is a not_found error rather than an empty page, so a typo in a link is visible.
 */
export async function listProducts(query: ProductQuery): Promise<ProductPage> {
  if (query.category && !(await getCategoryBySlug(query.category))) {
    throw new AppError('not_found', `There is no category "${query.category}".`);
  }
  return queryProducts(query);
}

// Cached per query: the error above stays outside, so only plain data is ever stored.
async function queryProducts(query: ProductQuery): Promise<ProductPage> {
  'use cache';
  cacheLife('catalog');
  cacheTag(PRODUCT_LISTS_TAG);
  const { q, category, sort, page, pageSize } = query;
  const terms = searchTerms(q);

  const conditions: Prisma.Sql[] = [];
  if (category) conditions.push(Prisma.sql`c."slug" = ${category}`);
  for (const term of terms) {
    const pattern = containsPattern(term);
    conditions.push(
      Prisma.sql`(p."name" ILIKE ${pattern} ESCAPE '\\' OR p."description" ILIKE ${pattern} ESCAPE '\\')`,
    );
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const from = Prisma.sql`FROM "Product" p JOIN "Category" c ON c."id" = p."categoryId"`;

  const [rows, counted] = await Promise.all([
    db.$queryRaw<ProductRow[]>`
      SELECT p."id", p."slug", p."name", p."priceCents", p."currency", p."stock", p."imagePath",
             c."slug" AS "categorySlug", c."name" AS "categoryName"
      ${from} ${where}
      ORDER BY ${orderBy(sort, q, terms)}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS "total" ${from} ${where}`,
  ]);

  return { items: rows.map(rowToSummary), page, pageSize, total: counted[0]?.total ?? 0 };
}

export async function getProductBySlug(slug: string): Promise<ProductDetail | null> {
  'use cache';
  cacheLife('catalog');
  cacheTag(productTag(slug));
  const product = await db.product.findUnique({ where: { slug }, include: withCategory });
  return product ? toProductDetail(product) : null;
}

/** Every product's slug, for generateStaticParams and the sitemap. */
export async function listProductSlugs(): Promise<string[]> {
  'use cache';
  cacheLife('catalog');
  cacheTag(PRODUCT_LISTS_TAG);
  const products = await db.product.findMany({ select: { slug: true }, orderBy: { slug: 'asc' } });
  return products.map((product) => product.slug);
}

export async function listFeaturedProducts(limit = 8): Promise<ProductSummary[]> {
  'use cache';
  cacheLife('catalog');
  cacheTag(PRODUCT_LISTS_TAG);
  const products = await db.product.findMany({
    where: { featured: true },
    include: withCategory,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  return products.map(toSummary);
}

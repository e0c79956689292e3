import { z } from 'zod';
import { pageSchema } from '@/lib/http/page';

// The product listing query, shared by the JSON API (strict: a bad parameter is a 400) and the storefront
// pages (lenient: a bad parameter falls back to its default).

const PRODUCT_SORTS = ['relevance', 'price-asc', 'price-desc', 'name', 'newest'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export const DEFAULT_PAGE_SIZE = 24;
const MAX_PAGE_SIZE = 100;
export const MAX_QUERY_LENGTH = 100;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// An empty form field (`?sort=`) means "not given", not "invalid".
const blankAsMissing = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const slugSchema = z
  .string()
  .max(120)
  .regex(SLUG_PATTERN, 'Must be a lowercase slug such as "desk-and-office".');

export const productSlugParamsSchema = z.object({ slug: slugSchema });

export const productQuerySchema = z.object({
  q: z.preprocess(blankAsMissing, z.string().trim().max(MAX_QUERY_LENGTH).optional()),
  category: z.preprocess(blankAsMissing, slugSchema.optional()),
  sort: z.preprocess(blankAsMissing, z.enum(PRODUCT_SORTS).default('relevance')),
  page: z.preprocess(blankAsMissing, z.coerce.number().int().min(1).max(10_000).default(1)),
  pageSize: z.preprocess(
    blankAsMissing,
    z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  ),
});

export type ProductQuery = z.infer<typeof productQuerySchema>;
export type ProductQueryInput = z.input<typeof productQuerySchema>;

type PageSearchParams = Record<string, string | string[] | undefined>;

/**
 * For pages: parses what it can and replaces each invalid parameter by its default, so a hand-edited
 * URL shows a sensible listing instead of an error page.
 */
export function parseProductQueryOrDefaults(searchParams: PageSearchParams): ProductQuery {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) raw[key] = first;
  }
  const result = productQuerySchema.safeParse(raw);
  if (result.success) return result.data;
  const invalid = new Set(result.error.issues.map((issue) => String(issue.path[0])));
  const valid = Object.fromEntries(Object.entries(raw).filter(([key]) => !invalid.has(key)));
  return productQuerySchema.parse(valid);
}

/** A change to one product (stock, price, text): at least one field, each checked like the seed's data. */
export const productChangeSchema = z
  .object({
    stock: z.number().int().min(0).max(1_000_000).optional(),
    priceCents: z.number().int().min(1).max(100_000_00).optional(),
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().trim().min(1).max(5_000).optional(),
  })
  .strict()
  .refine((change) => Object.values(change).some((value) => value !== undefined), {
    message: 'Change at least one of stock, priceCents, name, description.',
  });

export type ProductChange = z.infer<typeof productChangeSchema>;

// What the catalog API answers; the types of lib/catalog are these schemas' output.

export const categorySummarySchema = z
  .object({ slug: z.string(), name: z.string(), productCount: z.number().int().nonnegative() })
  .meta({ id: 'CategorySummary' });

export const categoryListSchema = z.object({ items: z.array(categorySummarySchema) });

export const productSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    priceCents: z.number().int().nonnegative(),
    currency: z.string(),
    stock: z.number().int().nonnegative(),
    image: z.string(),
    category: z.object({ slug: z.string(), name: z.string() }),
  })
  .meta({ id: 'ProductSummary' });

export const productDetailSchema = productSummarySchema
  .extend({ description: z.string() })
  .meta({ id: 'ProductDetail' });

export const productPageSchema = pageSchema(productSummarySchema);

export const productBodySchema = z.object({ product: productDetailSchema });

import 'server-only';
import { revalidateTag } from 'next/cache';
import { sharedTags } from '@/lib/cache/shared-tags.mjs';
import { db } from '@/lib/db';
import { isDatabaseRefusal } from '@/lib/db/errors';
import { AppError } from '@/lib/http/errors';
import { toProductDetail, withCategory, type ProductDetail } from './products';
import { productChangeSchema, type ProductChange } from './schema';
import { PRODUCT_LISTS_TAG, productTag } from './tags';

// Every change to a product goes through here, so the cached pages that show it are expired with it: the product's
// own page and every list (home, category, search) that may carry its price or stock.

/**
 * Expires the cache entries that show these products, at once: the next request renders them again, on this instance
 * and on every other. Call it after any write to products made outside updateProduct (an order taking stock, for
 * one). Needs a request or action scope.
 */
export async function expireProductCache(slugs: readonly string[]): Promise<void> {
  const tags = [...new Set(slugs)].map(productTag).concat(PRODUCT_LISTS_TAG);
  // An expire of 0 drops the entries now; a bare 'max' would still serve the old page once while it re-renders.
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  // Next carries those out after the answer is sent; the other instances must know before it is.
  await sharedTags.expire(tags);
}

/** Changes a product's stock, price or text and expires what showed the old values. */
export async function updateProduct(slug: string, change: ProductChange): Promise<ProductDetail> {
  const data = productChangeSchema.parse(change);
  let updated;
  try {
    updated = await db.product.update({ where: { slug }, data, include: withCategory });
  } catch (error) {
    if (isDatabaseRefusal(error, 'notFound')) {
      throw new AppError('not_found', 'There is no such product.');
    }
    throw error;
  }
  await expireProductCache([slug]);
  return toProductDetail(updated);
}

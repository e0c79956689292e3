// The cache tags of catalog data, built in one place: whoever changes a product expires the tags that name it.

/** Every list of products (home, category, search, related, the JSON lists). */
export const PRODUCT_LISTS_TAG = 'catalog:product-lists';

/** The category list and the product counts it carries. */
export const CATEGORIES_TAG = 'catalog:categories';

/** One product's detail. */
export function productTag(slug: string): string {
  return `catalog:product:${slug}`;
}

import type { MetadataRoute } from 'next';
import { listCategories } from '@/lib/catalog/categories';
import { listProductSlugs } from '@/lib/catalog/products';
import { env } from '@/lib/env';

// The catalog pages, from the same cached queries the pages use; it changes when they do.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [categories, productSlugs] = await Promise.all([listCategories(), listProductSlugs()]);
  const url = (path: string) => new URL(path, env.SITE_URL).toString();
  return [
    { url: url('/'), changeFrequency: 'daily', priority: 1 },
    ...categories.map((category) => ({
      url: url(`/categories/${category.slug}`),
      changeFrequency: 'daily' as const,
      priority: 0.8,
    })),
    ...productSlugs.map((slug) => ({ url: url(`/products/${slug}`), changeFrequency: 'daily' as const })),
  ];
}

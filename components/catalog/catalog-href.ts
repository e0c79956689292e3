import { DEFAULT_PAGE_SIZE, type ProductSort } from '@/lib/catalog/schema';

export type CatalogParams = { q?: string; sort?: ProductSort; page?: number; pageSize?: number };

/** A listing URL that leaves defaults out, so links stay short and each listing has one canonical address. */
export function catalogHref(basePath: string, params: CatalogParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.sort && params.sort !== 'relevance') search.set('sort', params.sort);
  if (params.pageSize && params.pageSize !== DEFAULT_PAGE_SIZE)
    search.set('pageSize', String(params.pageSize));
  if (params.page && params.page > 1) search.set('page', String(params.page));
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}

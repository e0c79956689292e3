import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Pagination } from '@/components/catalog/pagination';
import { SortSelect } from '@/components/catalog/sort-select';
import { ProductGrid, ProductGridSkeleton } from '@/components/product/product-grid';
import { SearchForm } from '@/components/catalog/search-form';
import { LinkButton } from '@/components/ui/button';
import { Container } from '@/components/ui/container';
import { listProducts } from '@/lib/catalog/products';
import { parseProductQueryOrDefaults, type ProductQuery } from '@/lib/catalog/schema';

type SearchPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The page offers search across every category; a category filter lives on the category pages.
async function readQuery(searchParams: SearchPageProps['searchParams']): Promise<ProductQuery> {
  return { ...parseProductQueryOrDefaults(await searchParams), category: undefined };
}

// Fixed, not from the query: metadata that reads searchParams is streamed into the body after the page, where
// Lighthouse and link previews do not look for a description (the heading names the query instead).
export const metadata: Metadata = {
  title: 'Search products',
  description: 'Every Northwind Supply product, from kitchen to outdoor: search by name, sort by price.',
  robots: { index: false },
};

async function SearchResults({ query }: { query: ProductQuery }) {
  const result = await listProducts(query);
  const { q } = query;
  if (result.total === 0) {
    return (
      <div className="flex flex-col items-center gap-4 rounded-2xl bg-slate-50 px-6 py-16 text-center">
        <h2 className="text-xl font-semibold text-slate-900">No products match “{q}”</h2>
        <p className="max-w-md text-slate-600">
          Check the spelling, try a shorter word, or browse everything we carry.
        </p>
        <LinkButton href="/search" variant="secondary">
          See all products
        </LinkButton>
      </div>
    );
  }
  const first = (result.page - 1) * result.pageSize + 1;
  const last = first + result.items.length - 1;
  return (
    <div className="flex flex-col gap-8">
      <p role="status" className="text-sm text-slate-600" data-testid="result-count">
        {result.items.length === 0
          ? `${result.total} ${result.total === 1 ? 'product' : 'products'}; this page is past the last one.`
          : `Showing ${first}–${last} of ${result.total} ${result.total === 1 ? 'product' : 'products'}`}
      </p>
      <h2 className="sr-only">Results</h2>
      <ProductGrid products={result.items} label="Search results" />
      <Pagination
        basePath="/search"
        params={{ q, sort: query.sort }}
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
      />
    </div>
  );
}

export default async function SearchPage({ searchParams }: SearchPageProps) {
  const query = await readQuery(searchParams);
  const { q } = query;
  return (
    <Container className="flex flex-col gap-8 py-10">
      <div className="flex flex-col gap-6 border-b border-slate-200 pb-8">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
          {q ? `Results for “${q}”` : 'All products'}
        </h1>
        <div className="flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
          <SearchForm
            id="search-page-q"
            label="Search the catalog"
            className="max-w-xl flex-1"
            inputClassName="flex-1"
            defaultValue={q}
            visibleLabel
            keep={{ sort: query.sort !== 'relevance' ? query.sort : undefined }}
          />
          <SortSelect action="/search" sort={query.sort} q={q} pageSize={query.pageSize} />
        </div>
      </div>
      <Suspense key={`${q}-${query.sort}-${query.page}-${query.pageSize}`} fallback={<ProductGridSkeleton />}>
        <SearchResults query={query} />
      </Suspense>
    </Container>
  );
}

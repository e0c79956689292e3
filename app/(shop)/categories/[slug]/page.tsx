import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { Pagination } from '@/components/catalog/pagination';
import { SortSelect } from '@/components/catalog/sort-select';
import { ProductGrid, ProductGridSkeleton } from '@/components/product/product-grid';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Container } from '@/components/ui/container';
import { getCategoryBySlug, listCategories } from '@/lib/catalog/categories';
import { listProducts } from '@/lib/catalog/products';
import { parseProductQueryOrDefaults, type ProductQuery } from '@/lib/catalog/schema';

type CategoryPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

type SearchParams = CategoryPageProps['searchParams'];

// Every category is prerendered; the product list under the heading depends on ?sort and ?page, so it renders per
// request from cached queries inside its own Suspense boundary.
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return (await listCategories()).map((category) => ({ slug: category.slug }));
}

export async function generateMetadata({ params }: CategoryPageProps): Promise<Metadata> {
  const category = await getCategoryBySlug((await params).slug);
  if (!category) return { title: 'Category not found' };
  return { title: category.name, description: category.description };
}

async function readQuery(searchParams: SearchParams, category: string): Promise<ProductQuery> {
  return { ...parseProductQueryOrDefaults(await searchParams), q: undefined, category };
}

async function CategorySort({ searchParams, category }: { searchParams: SearchParams; category: string }) {
  const query = await readQuery(searchParams, category);
  return <SortSelect action={`/categories/${category}`} sort={query.sort} pageSize={query.pageSize} />;
}

async function CategoryProducts({
  searchParams,
  category,
}: {
  searchParams: SearchParams;
  category: string;
}) {
  const query = await readQuery(searchParams, category);
  const basePath = `/categories/${category}`;
  const result = await listProducts(query);
  if (result.items.length === 0) {
    return (
      <p className="rounded-2xl bg-slate-50 p-8 text-center text-slate-600">No products on this page.</p>
    );
  }
  return (
    <div className="flex flex-col gap-10">
      <ProductGrid products={result.items} label="Products" headingLevel="h2" />
      <Pagination
        basePath={basePath}
        params={{ sort: query.sort }}
        page={result.page}
        pageSize={result.pageSize}
        total={result.total}
      />
    </div>
  );
}

export default async function CategoryPage({ params, searchParams }: CategoryPageProps) {
  const { slug } = await params;
  // Checked before any Suspense boundary, so an unknown category answers a real 404 status.
  const category = await getCategoryBySlug(slug);
  if (!category) notFound();

  return (
    <Container className="flex flex-col gap-8 py-10">
      <Breadcrumbs trail={[{ label: 'Home', href: '/' }]} current={category.name} />
      <div className="flex flex-col gap-6 border-b border-slate-200 pb-8 md:flex-row md:items-end md:justify-between">
        <div className="flex max-w-2xl flex-col gap-2">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{category.name}</h1>
          <p className="text-slate-600">{category.description}</p>
          <p className="text-sm text-slate-600">
            {category.productCount} {category.productCount === 1 ? 'product' : 'products'}
          </p>
        </div>
        <Suspense fallback={<div className="h-10 w-72" />}>
          <CategorySort searchParams={searchParams} category={category.slug} />
        </Suspense>
      </div>
      <Suspense fallback={<ProductGridSkeleton />}>
        <CategoryProducts searchParams={searchParams} category={category.slug} />
      </Suspense>
    </Container>
  );
}

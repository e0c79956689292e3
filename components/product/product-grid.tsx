import type { ProductSummary } from '@/lib/catalog/products';
import { ProductCard } from './product-card';

type ProductGridProps = { products: ProductSummary[]; label: string; headingLevel?: 'h2' | 'h3' };

// Above-the-fold images load eagerly; the rest wait until they are scrolled near.
const EAGER_IMAGES = 4;

export function ProductGrid({ products, label, headingLevel }: ProductGridProps) {
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-4 sm:gap-6 lg:grid-cols-3 xl:grid-cols-4">
      {products.map((product, index) => (
        <li key={product.id}>
          <ProductCard product={product} headingLevel={headingLevel} priority={index < EAGER_IMAGES} />
        </li>
      ))}
    </ul>
  );
}

/** Placeholder cards with the grid's shape, shown while products load, so the page does not jump. */
export function ProductGridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading products…</span>
      <ul aria-hidden="true" className="grid grid-cols-2 gap-4 sm:gap-6 lg:grid-cols-3 xl:grid-cols-4">
        {Array.from({ length: count }, (_, index) => (
          <li key={index} className="overflow-hidden rounded-2xl border border-slate-200 bg-white">
            <div className="aspect-square animate-pulse bg-slate-200" />
            <div className="flex flex-col gap-3 p-4">
              <div className="h-3 w-1/3 animate-pulse rounded bg-slate-200" />
              <div className="h-4 w-3/4 animate-pulse rounded bg-slate-200" />
              <div className="h-5 w-1/4 animate-pulse rounded bg-slate-200" />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

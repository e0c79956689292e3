import Link from 'next/link';
import { AddToCartButton } from '@/components/cart/add-to-cart-button';
import type { ProductSummary } from '@/lib/catalog/products';
import { formatPrice } from '@/lib/pricing';
import { ProductImage } from './product-image';
import { StockStatus } from './stock-status';

type ProductCardProps = { product: ProductSummary; headingLevel?: 'h2' | 'h3'; priority?: boolean };

/** One product in a grid; the whole card is clickable through the title link's stretched hit area. */
export function ProductCard({ product, headingLevel = 'h3', priority = false }: ProductCardProps) {
  const Heading = headingLevel;
  const outOfStock = product.stock <= 0;
  return (
    <article className="group focus-within:ring-brand-600 relative flex h-full flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm transition focus-within:ring-2 hover:-translate-y-0.5 hover:shadow-md">
      <div className="overflow-hidden bg-slate-100">
        <ProductImage
          src={product.image}
          alt=""
          loading={priority ? 'eager' : 'lazy'}
          className={
            'transition duration-300 group-hover:scale-105' +
            (outOfStock ? ' opacity-70 grayscale-[35%]' : '')
          }
        />
      </div>
      <div className="flex flex-1 flex-col gap-2 p-4">
        <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">{product.category.name}</p>
        <Heading className="text-base font-semibold text-slate-900">
          <Link
            href={`/products/${product.slug}`}
            className="after:absolute after:inset-0 after:content-[''] focus-visible:outline-none"
          >
            {product.name}
          </Link>
        </Heading>
        <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-2">
          <p className="text-lg font-semibold text-slate-900">
            {formatPrice(product.priceCents, product.currency)}
          </p>
          <StockStatus stock={product.stock} />
        </div>
        <AddToCartButton productId={product.id} productName={product.name} stock={product.stock} compact />
      </div>
    </article>
  );
}

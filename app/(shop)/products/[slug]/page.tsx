import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { AddToCartButton } from '@/components/cart/add-to-cart-button';
import { formatPrice } from '@/lib/pricing';
import { ProductGrid, ProductGridSkeleton } from '@/components/product/product-grid';
import { ProductImage } from '@/components/product/product-image';
import { LOW_STOCK_THRESHOLD, StockStatus } from '@/components/product/stock-status';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Container } from '@/components/ui/container';
import { MemberPrice } from '@/components/product/member-price';
import { getProductBySlug, listProductSlugs, listProducts, type ProductDetail } from '@/lib/catalog/products';
import { productQuerySchema } from '@/lib/catalog/schema';

type ProductPageProps = { params: Promise<{ slug: string }> };

const RELATED_COUNT = 4;
const META_DESCRIPTION_LENGTH = 160;

function metaDescription(text: string): string {
  return text.length <= META_DESCRIPTION_LENGTH
    ? text
    : `${text.slice(0, META_DESCRIPTION_LENGTH - 1).trimEnd()}…`;
}

// Every product is prerendered at build time; one added later is rendered on its first visit and cached then.
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return (await listProductSlugs()).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: ProductPageProps): Promise<Metadata> {
  const product = await getProductBySlug((await params).slug);
  if (!product) return { title: 'Product not found' };
  const description = metaDescription(product.description);
  return {
    title: product.name,
    description,
    openGraph: {
      title: product.name,
      description,
      type: 'website',
      images: [{ url: product.image, width: 800, height: 800, alt: product.name }],
    },
  };
}

function StockMessage({ stock }: { stock: number }) {
  if (stock <= 0) {
    return (
      <p className="text-sm text-slate-700" data-testid="stock-message">
        This item is out of stock right now. Check back soon: we restock most lines within a few weeks.
      </p>
    );
  }
  if (stock <= LOW_STOCK_THRESHOLD) {
    return (
      <p className="text-sm text-amber-900" data-testid="stock-message">
        Only {stock} left in stock.
      </p>
    );
  }
  return (
    <p className="text-sm text-slate-700" data-testid="stock-message">
      {stock} in stock.
    </p>
  );
}

async function RelatedProducts({ product }: { product: ProductDetail }) {
  const { items } = await listProducts(
    productQuerySchema.parse({ category: product.category.slug, pageSize: RELATED_COUNT + 1 }),
  );
  const related = items.filter((item) => item.id !== product.id).slice(0, RELATED_COUNT);
  if (related.length === 0) return <p className="text-slate-600">Nothing else in this category yet.</p>;
  return <ProductGrid products={related} label={`More from ${product.category.name}`} />;
}

export default async function ProductPage({ params }: ProductPageProps) {
  const { slug } = await params;
  // Looked up before any Suspense boundary, so an unknown slug answers a real 404 status.
  const product = await getProductBySlug(slug);
  if (!product) notFound();
  const outOfStock = product.stock <= 0;

  return (
    <Container className="flex flex-col gap-16 py-10">
      <div className="flex flex-col gap-8">
        <Breadcrumbs
          trail={[
            { label: 'Home', href: '/' },
            { label: product.category.name, href: `/categories/${product.category.slug}` },
          ]}
          current={product.name}
        />

        <div className="grid gap-10 lg:grid-cols-2">
          <div className="relative overflow-hidden rounded-3xl bg-slate-100 shadow-sm ring-1 ring-slate-200">
            <ProductImage
              src={product.image}
              alt={product.name}
              loading="eager"
              fetchPriority="high"
              className={outOfStock ? 'opacity-75 grayscale-[35%]' : undefined}
            />
          </div>
          <section aria-labelledby="product-name" className="flex flex-col gap-6">
            <div className="flex flex-col gap-3">
              <Link
                href={`/categories/${product.category.slug}`}
                className="text-brand-800 hover:text-brand-900 w-fit text-sm font-semibold tracking-wide uppercase"
              >
                {product.category.name}
              </Link>
              <h1 id="product-name" className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
                {product.name}
              </h1>
              <div className="flex flex-wrap items-center gap-4">
                <p className="text-3xl font-semibold text-slate-900" data-testid="product-price">
                  {formatPrice(product.priceCents, product.currency)}
                </p>
                <StockStatus stock={product.stock} />
              </div>
              <MemberPrice priceCents={product.priceCents} currency={product.currency} />
            </div>
            <StockMessage stock={product.stock} />
            <AddToCartButton productId={product.id} productName={product.name} stock={product.stock} />
            <div className="border-t border-slate-200 pt-6">
              <h2 className="text-sm font-semibold text-slate-900">About this product</h2>
              <p className="mt-3 leading-relaxed text-slate-700">{product.description}</p>
            </div>
          </section>
        </div>
      </div>

      <section aria-labelledby="related-heading" className="flex flex-col gap-6">
        <h2 id="related-heading" className="text-2xl font-bold tracking-tight text-slate-900">
          More from {product.category.name}
        </h2>
        <Suspense fallback={<ProductGridSkeleton count={RELATED_COUNT} />}>
          <RelatedProducts product={product} />
        </Suspense>
      </section>
    </Container>
  );
}

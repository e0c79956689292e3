import Link from 'next/link';
import { Suspense } from 'react';
import { ProductGrid, ProductGridSkeleton } from '@/components/product/product-grid';
import { ProductImage } from '@/components/product/product-image';
import { LinkButton } from '@/components/ui/button';
import { Container } from '@/components/ui/container';
import { listCategories } from '@/lib/catalog/categories';
import { listFeaturedProducts } from '@/lib/catalog/products';

const FEATURED_COUNT = 8;

async function FeaturedProducts() {
  const products = await listFeaturedProducts(FEATURED_COUNT);
  return <ProductGrid products={products} label="Featured products" />;
}

const COLLAGE_COUNT = 4;
const collageGrid = 'hidden grid-cols-2 gap-4 lg:grid';
// Square tiles of a fixed place: the hero keeps its height while the collage streams in and its images load.
const collageTile = (index: number) =>
  'aspect-square overflow-hidden rounded-2xl shadow-lg ring-1 ring-black/5' +
  (index % 2 ? ' translate-y-8' : '');

async function HeroCollage() {
  const products = (await listFeaturedProducts(FEATURED_COUNT)).slice(0, COLLAGE_COUNT);
  return (
    <div aria-hidden="true" className={collageGrid}>
      {products.map((product, index) => (
        <div key={product.id} className={collageTile(index)}>
          <ProductImage src={product.image} alt="" loading="eager" />
        </div>
      ))}
    </div>
  );
}

function HeroCollageSkeleton() {
  return (
    <div aria-hidden="true" className={collageGrid}>
      {Array.from({ length: COLLAGE_COUNT }, (_, index) => (
        <div key={index} className={`${collageTile(index)} bg-white/10`} />
      ))}
    </div>
  );
}

async function CategoryList() {
  const categories = await listCategories();
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      {categories.map((category) => (
        <li key={category.slug}>
          <Link
            href={`/categories/${category.slug}`}
            className="group hover:border-brand-300 flex h-full flex-col justify-between gap-6 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm transition hover:shadow-md"
          >
            <span className="group-hover:text-brand-800 text-base font-semibold text-slate-900">
              {category.name}
            </span>
            <span className="text-sm text-slate-600">
              {category.productCount} {category.productCount === 1 ? 'product' : 'products'}
              <span aria-hidden="true"> →</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default function HomePage() {
  return (
    <>
      <section
        data-testid="home-hero"
        className="from-brand-950 via-brand-900 relative overflow-hidden bg-gradient-to-br to-slate-900 text-white"
      >
        <div
          aria-hidden="true"
          className="bg-brand-500/20 absolute -top-32 -right-32 size-[28rem] rounded-full blur-3xl"
        />
        <Container className="relative grid items-center gap-12 py-16 sm:py-24 lg:grid-cols-2">
          <div className="flex flex-col gap-6">
            <p className="text-brand-200 text-sm font-semibold tracking-widest uppercase">
              New season, same good stuff
            </p>
            <h1 className="text-4xl font-bold tracking-tight text-balance sm:text-5xl">
              Everyday goods, made to earn their keep.
            </h1>
            <p className="max-w-xl text-lg text-slate-200">
              Cast iron for the kitchen, notebooks for the desk, merino for the trail. A short list of things
              we would buy again, at honest prices.
            </p>
            <div className="flex flex-wrap gap-3">
              <LinkButton href="#featured" size="lg" variant="secondary">
                Shop featured
              </LinkButton>
              <Link
                href="/search"
                className="inline-flex h-12 items-center rounded-lg px-6 text-base font-semibold text-white ring-1 ring-white/50 ring-inset hover:bg-white/10 focus-visible:outline-white"
              >
                Browse everything
              </Link>
            </div>
          </div>
          <Suspense fallback={<HeroCollageSkeleton />}>
            <HeroCollage />
          </Suspense>
        </Container>
      </section>

      <Container className="flex flex-col gap-16 py-16">
        <section id="featured" aria-labelledby="featured-heading" className="flex flex-col gap-6">
          <div className="flex items-end justify-between gap-4">
            <div>
              <h2 id="featured-heading" className="text-2xl font-bold tracking-tight text-slate-900">
                Featured
              </h2>
              <p className="mt-1 text-slate-600">Our most-loved pieces this month.</p>
            </div>
            <Link href="/search" className="text-brand-800 hover:text-brand-900 text-sm font-semibold">
              View all products<span aria-hidden="true"> →</span>
            </Link>
          </div>
          <Suspense fallback={<ProductGridSkeleton count={FEATURED_COUNT} />}>
            <FeaturedProducts />
          </Suspense>
        </section>

        <section aria-labelledby="categories-heading" className="flex flex-col gap-6">
          <h2 id="categories-heading" className="text-2xl font-bold tracking-tight text-slate-900">
            Shop by category
          </h2>
          <CategoryList />
        </section>
      </Container>
    </>
  );
}

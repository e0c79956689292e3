import Link from 'next/link';
import { AccountMenu } from '@/components/account/account-menu';
import { CartCount } from '@/components/cart/cart-count';
import { SearchForm } from '@/components/catalog/search-form';
import { Container } from '@/components/ui/container';
import { listCategories } from '@/lib/catalog/categories';
import { BrandMark } from './brand-mark';

export async function SiteHeader() {
  const categories = await listCategories();
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/80">
      <Container className="flex flex-wrap items-center gap-x-6 gap-y-3 py-3">
        <Link href="/" className="flex items-center gap-2 rounded-md text-slate-900">
          <BrandMark className="text-brand-700 size-8" />
          <span className="text-lg font-bold tracking-tight">Northwind Supply</span>
        </Link>
        <SearchForm
          id="site-search"
          label="Products"
          placeholder="Search mugs, lamps, tents…"
          className="order-last w-full items-center md:order-none md:w-auto md:max-w-md md:flex-1"
        />
        <div className="ml-auto flex items-center gap-2">
          <CartCount />
          <AccountMenu />
        </div>
      </Container>
      <nav aria-label="Categories" className="border-t border-slate-100">
        <Container>
          <ul className="-mx-2 flex gap-1 overflow-x-auto py-2 text-sm">
            <li>
              <Link
                href="/search"
                className="block rounded-md px-2 py-1.5 whitespace-nowrap text-slate-700 hover:bg-slate-100 hover:text-slate-900"
              >
                All products
              </Link>
            </li>
            {categories.map((category) => (
              <li key={category.slug}>
                <Link
                  href={`/categories/${category.slug}`}
                  className="block rounded-md px-2 py-1.5 whitespace-nowrap text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                >
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </Container>
      </nav>
    </header>
  );
}

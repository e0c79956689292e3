import Link from 'next/link';
import { AccountMenu } from '@/components/account/account-menu';
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
        <form
          action="/search"
          method="get"
          role="search"
          aria-label="Products"
          className="order-last flex w-full items-center gap-2 md:order-none md:w-auto md:max-w-md md:flex-1"
        >
          <label htmlFor="site-search" className="sr-only">
            Search products
          </label>
          <input
            id="site-search"
            type="search"
            name="q"
            maxLength={100}
            placeholder="Search mugs, lamps, tents…"
            className="h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-500"
          />
          <button
            type="submit"
            className="bg-brand-700 hover:bg-brand-800 inline-flex h-10 items-center rounded-lg px-4 text-sm font-semibold text-white"
          >
            Search
          </button>
        </form>
        <div className="ml-auto">
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

import { cacheLife } from 'next/cache';
import Link from 'next/link';
import { Container } from '@/components/ui/container';
import { listCategories } from '@/lib/catalog/categories';
import { BrandMark } from './brand-mark';

// Part of every cached page: computed once a day, not per render.
async function CopyrightYear() {
  'use cache';
  cacheLife('days');
  return new Date().getUTCFullYear();
}

export async function SiteFooter() {
  const categories = await listCategories();
  return (
    <footer className="mt-16 border-t border-slate-200 bg-slate-50">
      <Container className="grid gap-10 py-12 sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex flex-col gap-3 lg:col-span-2">
          <p className="flex items-center gap-2 text-base font-bold text-slate-900">
            <BrandMark className="text-brand-700 size-7" />
            Northwind Supply
          </p>
          <p className="max-w-sm text-sm text-slate-600">
            Well-made goods for the kitchen, the desk, the home and the trail, chosen to last.
          </p>
        </div>
        <nav aria-label="Shop">
          <h2 className="text-sm font-semibold text-slate-900">Shop</h2>
          <ul className="mt-3 flex flex-col gap-2 text-sm">
            {categories.map((category) => (
              <li key={category.slug}>
                <Link href={`/categories/${category.slug}`} className="hover:text-brand-800 text-slate-700">
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label="Your account">
          <h2 className="text-sm font-semibold text-slate-900">Account</h2>
          <ul className="mt-3 flex flex-col gap-2 text-sm">
            <li>
              <Link href="/account" className="hover:text-brand-800 text-slate-700">
                Your account
              </Link>
            </li>
            <li>
              <Link href="/orders" className="hover:text-brand-800 text-slate-700">
                Your orders
              </Link>
            </li>
            <li>
              <Link href="/search" className="hover:text-brand-800 text-slate-700">
                All products
              </Link>
            </li>
            <li>
              <Link href="/lab" className="hover:text-brand-800 text-slate-700">
                The JWT lab
              </Link>
            </li>
            <li>
              <Link href="/docs/api" className="hover:text-brand-800 text-slate-700">
                API reference
              </Link>
            </li>
          </ul>
        </nav>
      </Container>
      <div className="border-t border-slate-200">
        <Container className="py-6 text-xs text-slate-600">
          © <CopyrightYear /> Northwind Supply. A demo storefront; nothing here is for sale.
        </Container>
      </div>
    </footer>
  );
}

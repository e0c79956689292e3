import type { Metadata } from 'next';
import { LinkButton } from '@/components/ui/button';
import { Container } from '@/components/ui/container';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <Container className="flex flex-col items-center gap-6 py-24 text-center">
      <p className="text-brand-800 text-sm font-semibold tracking-widest uppercase">404</p>
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
        We couldn’t find that page
      </h1>
      <p className="max-w-md text-slate-600">
        The product or page may have moved or no longer exists. Try a search, or start again from the home
        page.
      </p>
      <form
        action="/search"
        method="get"
        role="search"
        aria-label="Search the catalog"
        className="flex w-full max-w-md gap-2"
      >
        <label htmlFor="not-found-q" className="sr-only">
          Search products
        </label>
        <input
          id="not-found-q"
          type="search"
          name="q"
          maxLength={100}
          placeholder="Search products"
          className="h-10 flex-1 rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-500"
        />
        <button
          type="submit"
          className="bg-brand-700 hover:bg-brand-800 inline-flex h-10 items-center rounded-lg px-4 text-sm font-semibold text-white"
        >
          Search
        </button>
      </form>
      <LinkButton href="/" variant="secondary">
        Back to the home page
      </LinkButton>
    </Container>
  );
}

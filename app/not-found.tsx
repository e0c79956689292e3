import type { Metadata } from 'next';
import { SearchForm } from '@/components/catalog/search-form';
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
      <SearchForm
        id="not-found-q"
        label="Search the catalog"
        placeholder="Search products"
        className="w-full max-w-md"
        inputClassName="flex-1"
      />
      <LinkButton href="/" variant="secondary">
        Back to the home page
      </LinkButton>
    </Container>
  );
}

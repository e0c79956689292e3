import { ProductGridSkeleton } from '@/components/product/product-grid';
import { Container } from '@/components/ui/container';

// Only search has a route-level loading UI: it never answers 404. Category and product pages check that their
// slug exists before streaming starts (a loading.tsx above them would turn their 404s into 200s) and show
// skeletons inside the page instead.
export default function SearchLoading() {
  return (
    <Container className="flex flex-col gap-8 py-10">
      <div className="flex flex-col gap-6 border-b border-slate-200 pb-8">
        <div className="h-10 w-64 animate-pulse rounded-lg bg-slate-200" />
        <div className="h-10 w-full max-w-xl animate-pulse rounded-lg bg-slate-200" />
      </div>
      <ProductGridSkeleton />
    </Container>
  );
}

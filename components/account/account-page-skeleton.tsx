import { Container } from '@/components/ui/container';

/** Account pages render per request behind the gate; this holds their place meanwhile. */
export function AccountPageSkeleton() {
  return (
    <Container className="flex flex-col gap-6 py-10" aria-busy="true">
      <div className="h-8 w-64 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-4 w-full max-w-lg animate-pulse rounded bg-slate-200" />
      <div className="h-64 w-full max-w-xl animate-pulse rounded-2xl bg-slate-200" />
    </Container>
  );
}

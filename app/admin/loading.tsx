import { Container } from '@/components/ui/container';

// Every admin page checks the session per request; this skeleton streams first (and is the Suspense boundary the
// gate needs under cacheComponents).
export default function AdminLoading() {
  return (
    <Container className="py-10" aria-busy="true">
      <div className="h-8 w-48 animate-pulse rounded-lg bg-slate-200" />
      <div className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-20 animate-pulse rounded-xl bg-slate-100" />
        ))}
      </div>
      <div className="mt-8 h-64 animate-pulse rounded-xl bg-slate-100" />
    </Container>
  );
}

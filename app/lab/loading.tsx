import { Container } from '@/components/ui/container';

export default function LabLoading() {
  return (
    <Container className="flex flex-col gap-8 py-10" aria-busy="true">
      <div className="h-9 w-56 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-12 w-full max-w-3xl animate-pulse rounded bg-slate-200" />
      <div className="grid gap-4 lg:grid-cols-3">
        {[0, 1, 2].map((column) => (
          <div key={column} className="h-80 animate-pulse rounded-2xl bg-slate-200" />
        ))}
      </div>
    </Container>
  );
}

import { Container } from '@/components/ui/container';

export default function OrdersLoading() {
  return (
    <Container className="flex min-h-svh flex-col gap-6 py-10" aria-busy="true">
      <div className="h-8 w-48 animate-pulse rounded-lg bg-slate-200" />
      {[0, 1, 2].map((row) => (
        <div key={row} className="h-20 animate-pulse rounded-2xl bg-slate-100" />
      ))}
    </Container>
  );
}

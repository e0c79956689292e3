import { Container } from '@/components/ui/container';

export default function CheckoutLoading() {
  return (
    <Container className="flex flex-col gap-6 py-10" aria-busy="true">
      <div className="h-8 w-40 animate-pulse rounded-lg bg-slate-200" />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="h-96 animate-pulse rounded-2xl bg-slate-100" />
        <div className="h-64 animate-pulse rounded-2xl bg-slate-100" />
      </div>
    </Container>
  );
}

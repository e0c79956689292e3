import { Container } from '@/components/ui/container';

export default function BannedLoading() {
  return (
    <Container className="max-w-xl py-16" aria-busy="true">
      <div className="h-48 animate-pulse rounded-xl bg-slate-100" />
    </Container>
  );
}

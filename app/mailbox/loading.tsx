import { Container } from '@/components/ui/container';

export default function MailboxLoading() {
  return (
    <Container className="py-10" aria-busy="true">
      <div className="h-8 w-40 animate-pulse rounded-lg bg-slate-200" />
      <div className="mt-3 h-4 w-full max-w-2xl animate-pulse rounded bg-slate-200" />
      <div className="mt-8 h-16 w-full max-w-3xl animate-pulse rounded-lg bg-slate-200" />
    </Container>
  );
}

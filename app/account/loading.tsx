import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';

// The account pages check the session per request (lib/auth/gate.ts); this stands in while they do.
export default function AccountLoading() {
  return (
    // As tall as the screen, like the page it stands in for: the footer does not jump when the page streams in.
    <Container className="min-h-svh py-10" aria-busy="true">
      <span className="sr-only">Loading your account</span>
      <div aria-hidden="true" className="h-8 w-48 rounded-lg bg-slate-200" />
      <Card aria-hidden="true" className="mt-6 flex max-w-2xl flex-col gap-4 p-6">
        <div className="h-6 w-24 rounded bg-slate-200" />
        {[0, 1, 2, 3].map((row) => (
          <div key={row} className="h-5 w-3/4 rounded bg-slate-100" />
        ))}
      </Card>
    </Container>
  );
}

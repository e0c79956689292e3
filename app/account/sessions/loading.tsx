import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';

export default function SessionsLoading() {
  return (
    <Container className="py-10" aria-busy="true">
      <span className="sr-only">Loading your devices</span>
      <div aria-hidden="true" className="h-8 w-56 rounded-lg bg-slate-200" />
      <div aria-hidden="true" className="mt-2 h-5 w-80 rounded bg-slate-100" />
      <Card aria-hidden="true" className="mt-6 divide-y divide-slate-100">
        {[0, 1].map((row) => (
          <div key={row} className="flex items-center justify-between gap-4 px-6 py-4">
            <div className="flex flex-col gap-2">
              <div className="h-5 w-48 rounded bg-slate-200" />
              <div className="h-4 w-72 rounded bg-slate-100" />
            </div>
            <div className="h-8 w-20 rounded-lg bg-slate-100" />
          </div>
        ))}
      </Card>
    </Container>
  );
}

import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';

export default function AdminLoading() {
  return (
    <Container className="py-10" aria-busy="true">
      <span className="sr-only">Loading the admin console</span>
      <div aria-hidden="true" className="h-8 w-32 rounded-lg bg-slate-200" />
      <div aria-hidden="true" className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {[0, 1, 2, 3].map((stat) => (
          <Card key={stat} className="flex flex-col gap-2 px-6 py-4">
            <div className="h-4 w-16 rounded bg-slate-100" />
            <div className="h-8 w-12 rounded bg-slate-200" />
          </Card>
        ))}
      </div>
      <Card aria-hidden="true" className="mt-8 flex flex-col gap-3 p-6">
        <div className="h-6 w-36 rounded bg-slate-200" />
        {[0, 1, 2, 3, 4].map((row) => (
          <div key={row} className="h-5 rounded bg-slate-100" />
        ))}
      </Card>
    </Container>
  );
}

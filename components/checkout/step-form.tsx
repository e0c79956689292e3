import type { FormEvent } from 'react';
import { Card, CardContent } from '@/components/ui/card';

/** A checkout step's card: a form named by its heading; the browser's own validation is off (the schemas speak). */
export function StepForm({
  id,
  title,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  onSubmit: (event: FormEvent) => void;
  children: React.ReactNode;
}) {
  return (
    <Card>
      <CardContent>
        <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-labelledby={id}>
          <h2 id={id} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {children}
        </form>
      </CardContent>
    </Card>
  );
}

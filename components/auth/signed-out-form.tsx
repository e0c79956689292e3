import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { getSession } from '@/lib/auth/gate';
import { safeNextPath } from '@/lib/auth/redirect';

type SearchParams = Promise<{ next?: string | string[] }>;

async function FormOrRedirect({
  searchParams,
  form,
}: {
  searchParams: SearchParams;
  form: (next: string) => React.ReactNode;
}) {
  const next = safeNextPath((await searchParams).next);
  if (await getSession()) redirect(next);
  return form(next);
}

/**
 * The sign-in and sign-up forms, rendered per request inside the cached card: they need ?next=, and someone already
 * signed in goes on to it instead. The placeholder has the form's height, so nothing moves when it arrives.
 */
export function SignedOutForm({
  searchParams,
  fields,
  form,
}: {
  searchParams: SearchParams;
  /** How many inputs the form has, for the placeholder. */
  fields: number;
  form: (next: string) => React.ReactNode;
}) {
  return (
    <Suspense fallback={<FormPlaceholder fields={fields} />}>
      <FormOrRedirect searchParams={searchParams} form={form} />
    </Suspense>
  );
}

function FormPlaceholder({ fields }: { fields: number }) {
  return (
    <div aria-hidden="true" className="flex flex-col gap-5">
      {Array.from({ length: fields }, (_, index) => (
        <div key={index} className="flex flex-col gap-1.5">
          <div className="h-5 w-20 rounded bg-slate-100" />
          <div className="h-10 rounded-lg bg-slate-100" />
        </div>
      ))}
      <div className="h-12 rounded-lg bg-slate-100" />
      <div className="h-5" />
    </div>
  );
}

'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { resendVerificationAction, type LinkFormState } from '@/lib/auth/password-actions';

/** Shown on account pages until the address is verified, with a (rate-limited) way to get a new link. */
export function VerifyEmailBanner({ email }: { email: string }) {
  const [state, action, pending] = useActionState<LinkFormState, FormData>(resendVerificationAction, {});
  return (
    <section
      aria-labelledby="verify-email-heading"
      className="flex flex-wrap items-center justify-between gap-4 rounded-2xl border border-amber-300 bg-amber-50 px-6 py-4"
    >
      <div className="min-w-0">
        <h2 id="verify-email-heading" className="font-semibold text-amber-950">
          Please confirm your email address
        </h2>
        <p className="mt-1 text-sm text-amber-950">
          We mailed a link to {email}. {state.message ? <span role="status">{state.message}</span> : null}
        </p>
      </div>
      <form action={action}>
        <Button type="submit" variant="secondary" size="sm" disabled={pending || state.done}>
          {pending ? 'Sending…' : 'Send a new link'}
        </Button>
      </form>
    </section>
  );
}

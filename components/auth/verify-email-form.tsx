'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { verifyEmailAction } from '@/lib/auth/password-actions';
import { useLinkForm } from './link-form';

// A button, not an automatic POST on page load: mail scanners open links, and only a person should confirm.
export function VerifyEmailForm({ token }: { token: string }) {
  const { state, formAction, pending, formRef, alert } = useLinkForm(verifyEmailAction);
  return (
    <form ref={formRef} action={formAction} className="flex flex-col gap-5" noValidate>
      {alert}
      {state.done ? (
        <Link href="/account" className="text-brand-800 text-center font-semibold hover:underline">
          Go to your account
        </Link>
      ) : (
        <>
          <input type="hidden" name="token" value={token} />
          <Button type="submit" size="lg" disabled={pending}>
            {pending ? 'Confirming…' : 'Confirm my email address'}
          </Button>
        </>
      )}
    </form>
  );
}

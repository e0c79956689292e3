'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { EmailInput } from './email-input';
import { requestPasswordResetAction } from '@/lib/auth/password-actions';
import { useLinkForm } from './link-form';

export function ForgotPasswordForm() {
  const { state, formAction, pending, formRef, alert } = useLinkForm(requestPasswordResetAction);
  return (
    <form ref={formRef} action={formAction} className="flex flex-col gap-5" noValidate>
      {alert}
      {state.done ? null : (
        <>
          <EmailInput defaultValue={state.values?.email} error={state.errors?.email} />
          <Button type="submit" size="lg" disabled={pending}>
            {pending ? 'Sending…' : 'Email me a link'}
          </Button>
        </>
      )}
      <p className="text-center text-sm text-slate-600">
        Remembered it?{' '}
        <Link href="/login" className="text-brand-800 font-semibold hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}

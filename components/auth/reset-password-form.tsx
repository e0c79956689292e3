'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { confirmPasswordResetAction } from '@/lib/auth/password-actions';
import { NewPasswordInput, useLinkForm } from './link-form';

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, formAction, pending, formRef, alert } = useLinkForm(confirmPasswordResetAction);
  const invalidLink = state.code === 'invalid_token' || Boolean(state.errors?.token);
  return (
    <form ref={formRef} action={formAction} className="flex flex-col gap-5" noValidate>
      {alert}
      {state.done ? (
        <Link href="/login" className="text-brand-800 text-center font-semibold hover:underline">
          Sign in with your new password
        </Link>
      ) : invalidLink ? (
        <Link href="/forgot-password" className="text-brand-800 text-center font-semibold hover:underline">
          Ask for a new link
        </Link>
      ) : (
        <>
          <input type="hidden" name="token" value={token} />
          <NewPasswordInput
            name="password"
            label="New password"
            error={state.errors?.password}
            answer={state}
          />
          <Button type="submit" size="lg" disabled={pending}>
            {pending ? 'Saving…' : 'Set new password'}
          </Button>
        </>
      )}
    </form>
  );
}

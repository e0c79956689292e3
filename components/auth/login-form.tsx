'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { EmailInput } from './email-input';
import { registerPath } from '@/lib/auth/redirect';
import { loginAction, type AuthFormState } from '@/lib/auth/actions';
import { FormAlert, useFocusOnError } from './form-alert';

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<AuthFormState, FormData>(loginAction, {});
  const { formRef, alertRef } = useFocusOnError(state, Boolean(state.message || state.errors));
  const tone =
    state.code === 'rate_limited' ||
    state.code === 'service_unavailable' ||
    state.code === 'session_store_unavailable'
      ? 'warning'
      : 'danger';
  return (
    <form ref={formRef} action={action} className="flex flex-col gap-5" noValidate>
      <FormAlert message={state.message} tone={tone} alertRef={alertRef} />
      <input type="hidden" name="next" value={next} />
      <EmailInput defaultValue={state.values?.email} error={state.errors?.email} />
      <Input
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
        error={state.errors?.password}
      />
      <div className="-mt-2 flex items-start justify-between gap-4">
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="remember"
            defaultChecked={state.values?.remember}
            aria-describedby="remember-hint"
            className="accent-brand-700 mt-0.5 size-4 rounded border-slate-300"
          />
          <span>
            Keep me signed in
            <span id="remember-hint" className="block text-xs text-slate-500">
              Not on a shared computer.
            </span>
          </span>
        </label>
        <Link
          href="/forgot-password"
          className="text-brand-800 shrink-0 text-sm font-semibold hover:underline"
        >
          Forgot your password?
        </Link>
      </div>
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
      <p className="text-center text-sm text-slate-600">
        New here?{' '}
        <Link href={registerPath(next)} className="text-brand-800 font-semibold hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}

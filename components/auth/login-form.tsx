'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
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
      <Input
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.errors?.email}
      />
      <Input
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
        error={state.errors?.password}
      />
      <Link
        href="/forgot-password"
        className="text-brand-800 -mt-2 self-end text-sm font-semibold hover:underline"
      >
        Forgot your password?
      </Link>
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

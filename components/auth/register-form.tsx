'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { EmailInput } from './email-input';
import { loginPath } from '@/lib/auth/redirect';
import { registerAction, type AuthFormState } from '@/lib/auth/actions';
import { FormAlert, useFocusOnError } from './form-alert';
import { NewPasswordInput } from './link-form';

export function RegisterForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<AuthFormState, FormData>(registerAction, {});
  const { formRef, alertRef } = useFocusOnError(state, Boolean(state.message || state.errors));
  // The name and email as typed: the strength meter counts them as words a guesser knows.
  const [typed, setTyped] = useState({ name: '', email: '' });
  const track = (field: 'name' | 'email') => (event: React.ChangeEvent<HTMLInputElement>) =>
    setTyped((previous) => ({ ...previous, [field]: event.target.value }));
  return (
    <form ref={formRef} action={action} className="flex flex-col gap-5" noValidate>
      <FormAlert message={state.message} tone="danger" alertRef={alertRef} />
      <input type="hidden" name="next" value={next} />
      <Input
        name="name"
        label="Name"
        autoComplete="name"
        required
        maxLength={100}
        defaultValue={state.values?.name}
        onChange={track('name')}
        error={state.errors?.name}
      />
      <EmailInput defaultValue={state.values?.email} onChange={track('email')} error={state.errors?.email} />
      <NewPasswordInput
        name="password"
        label="Password"
        error={state.errors?.password}
        answer={state}
        userInputs={[typed.email, typed.email.split('@')[0] ?? '', typed.name]}
      />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? 'Creating account…' : 'Create account'}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{' '}
        <Link href={loginPath(next)} className="text-brand-800 font-semibold hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}

'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { loginPath } from '@/lib/auth/redirect';
import { registerAction, type AuthFormState } from '@/lib/auth/actions';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/auth/password-rules';
import { FormAlert, useFocusOnError } from './form-alert';
import { PasswordStrengthMeter } from './password-strength-meter';

export function RegisterForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<AuthFormState, FormData>(registerAction, {});
  const { formRef, alertRef } = useFocusOnError(state, Boolean(state.message || state.errors));
  // What is typed, for the strength meter. A failed submit empties the password field (it is never sent back), so a
  // password typed before the last answer no longer counts.
  const [typed, setTyped] = useState({ name: '', email: '', password: '', answer: state });
  const track = (field: 'name' | 'email' | 'password') => (event: React.ChangeEvent<HTMLInputElement>) =>
    setTyped((previous) => ({ ...previous, [field]: event.target.value, answer: state }));
  const password = typed.answer === state ? typed.password : '';
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
      <Input
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        onChange={track('email')}
        error={state.errors?.email}
      />
      <Input
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        onChange={track('password')}
        error={state.errors?.password}
      />
      <div className="-mt-3">
        <PasswordStrengthMeter
          password={password}
          userInputs={[typed.email, typed.email.split('@')[0] ?? '', typed.name]}
        />
      </div>
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

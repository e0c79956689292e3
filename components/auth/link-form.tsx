'use client';

import { useActionState } from 'react';
import type { LinkFormState } from '@/lib/auth/password-actions';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/auth/schema';
import { Input } from '@/components/ui/input';
import { FormAlert, alertTone, useFocusOnError } from './form-alert';

// What the password and email-link forms share: the action's state, focus on what went wrong, one alert that also
// carries a bad link's message, and the new-password field with the registration rule.

export function useLinkForm(action: (state: LinkFormState, formData: FormData) => Promise<LinkFormState>) {
  const [state, formAction, pending] = useActionState<LinkFormState, FormData>(action, {});
  const { formRef, alertRef } = useFocusOnError(state, Boolean(state.message || state.errors));
  const alert = (
    <FormAlert
      message={state.message ?? state.errors?.token?.join(' ')}
      tone={alertTone(state)}
      alertRef={alertRef}
    />
  );
  return { state, formAction, pending, formRef, alert };
}

export function NewPasswordInput({
  name,
  label,
  hint,
  error,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string[];
}) {
  return (
    <Input
      name={name}
      type="password"
      label={label}
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN}
      maxLength={PASSWORD_MAX}
      hint={`At least ${PASSWORD_MIN} characters.${hint ? ` ${hint}` : ''}`}
      error={error}
    />
  );
}

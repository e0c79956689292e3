'use client';

import { useActionState, useState } from 'react';
import type { LinkFormState } from '@/lib/auth/password-actions';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/auth/password-rules';
import { Input } from '@/components/ui/input';
import { FormAlert, alertTone, useFocusOnError } from './form-alert';
import { PasswordStrengthMeter } from './password-strength-meter';

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

/**
 * The new-password field with the strength meter under it. `answer` is the form's last action state: a failed
 * submit empties the field (a password is never sent back), so what was typed before it no longer counts.
 */
export function NewPasswordInput({
  name,
  label,
  hint,
  error,
  answer,
  userInputs = [],
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string[];
  answer: unknown;
  /** The account's own words (email, name): a password built from them is weaker. */
  userInputs?: string[];
}) {
  const [typed, setTyped] = useState({ value: '', answer });
  return (
    <div className="flex flex-col gap-2">
      <Input
        name={name}
        type="password"
        label={label}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        hint={hint}
        onChange={(event) => setTyped({ value: event.target.value, answer })}
        error={error}
      />
      <PasswordStrengthMeter password={typed.answer === answer ? typed.value : ''} userInputs={userInputs} />
    </div>
  );
}

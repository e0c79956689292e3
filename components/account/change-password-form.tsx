'use client';

import { NewPasswordInput, useLinkForm } from '@/components/auth/link-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { changePasswordAction } from '@/lib/auth/password-actions';

export function ChangePasswordForm() {
  const { state, formAction, pending, formRef, alert } = useLinkForm(changePasswordAction);
  return (
    // Keyed on success, so the fields empty once the change went through.
    <form
      key={String(state.done)}
      ref={formRef}
      action={formAction}
      className="flex flex-col gap-5"
      noValidate
    >
      {alert}
      <Input
        name="currentPassword"
        type="password"
        label="Current password"
        autoComplete="current-password"
        required
        error={state.errors?.currentPassword}
      />
      <NewPasswordInput
        name="newPassword"
        label="New password"
        hint="Every other device will be signed out."
        error={state.errors?.newPassword}
        answer={state}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Changing password…' : 'Change password'}
        </Button>
      </div>
    </form>
  );
}

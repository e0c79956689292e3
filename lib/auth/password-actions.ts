'use server';

import { cookies, headers } from 'next/headers';
import { actionFailure, formText } from '@/lib/http/action-state';
import { fieldErrors, type ErrorCode, type FieldErrors } from '@/lib/http/errors';
import { resendVerificationEmail, verifyEmail } from './email-verification';
import { requireUser } from './gate';
import { setMailboxCookie, signInContext } from './http';
import { setSessionCookie } from '@/lib/session';
import {
  changePassword,
  confirmPasswordReset,
  requestPasswordReset,
  RESET_REQUESTED_MESSAGE,
} from './password-change';
import {
  changePasswordSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  verifyEmailSchema,
} from './schema';

// The forms of the password and email-link pages. Public POST endpoints like every action: each validates its input
// and the signed-in ones call the gate themselves.

export type LinkFormState = {
  message?: string;
  code?: ErrorCode;
  errors?: FieldErrors;
  /** The step succeeded: the form gives way to `message`. */
  done?: boolean;
  /** What the user typed, to fill the form again. Never a password. */
  values?: { email?: string };
};

function refused(error: unknown, values?: LinkFormState['values']): LinkFormState {
  return values ? { ...actionFailure(error), values } : actionFailure(error);
}

export async function changePasswordAction(
  _previous: LinkFormState,
  formData: FormData,
): Promise<LinkFormState> {
  const current = await requireUser('/account/security');
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formText(formData, 'currentPassword'),
    newPassword: formText(formData, 'newPassword'),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  try {
    const cookieStore = await cookies();
    const context = signInContext({ cookies: cookieStore, headers: await headers() });
    const { token, session } = await changePassword(current, parsed.data, context);
    await setSessionCookie(cookieStore, token, context.secure, session.persistent);
  } catch (error) {
    return refused(error);
  }
  return { done: true, message: 'Your password was changed. Every other device has been signed out.' };
}

export async function requestPasswordResetAction(
  _previous: LinkFormState,
  formData: FormData,
): Promise<LinkFormState> {
  const values = { email: formText(formData, 'email') };
  const parsed = passwordResetRequestSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  try {
    const cookieStore = await cookies();
    const context = signInContext({ cookies: cookieStore, headers: await headers() });
    await requestPasswordReset(parsed.data.email, context);
    setMailboxCookie(cookieStore, context);
  } catch (error) {
    return refused(error, values);
  }
  return { done: true, message: RESET_REQUESTED_MESSAGE };
}

export async function confirmPasswordResetAction(
  _previous: LinkFormState,
  formData: FormData,
): Promise<LinkFormState> {
  const parsed = passwordResetConfirmSchema.safeParse({
    token: formText(formData, 'token'),
    password: formText(formData, 'password'),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  try {
    await confirmPasswordReset(parsed.data);
  } catch (error) {
    return refused(error);
  }
  return { done: true, message: 'Your password was changed and every device was signed out. Sign in again.' };
}

export async function verifyEmailAction(
  _previous: LinkFormState,
  formData: FormData,
): Promise<LinkFormState> {
  const parsed = verifyEmailSchema.safeParse({ token: formText(formData, 'token') });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  try {
    await verifyEmail(parsed.data.token);
  } catch (error) {
    return refused(error);
  }
  return { done: true, message: 'Your email address is verified. Thank you.' };
}

export async function resendVerificationAction(): Promise<LinkFormState> {
  const { user } = await requireUser('/account');
  try {
    const cookieStore = await cookies();
    const context = signInContext({ cookies: cookieStore, headers: await headers() });
    const outcome = await resendVerificationEmail(user, context.mailbox);
    if (outcome === 'sent') setMailboxCookie(cookieStore, context);
    return outcome === 'sent'
      ? { done: true, message: `We sent a new link to ${user.email}.` }
      : { done: true, message: 'Your email address is already verified.' };
  } catch (error) {
    return refused(error);
  }
}

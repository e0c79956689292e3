'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { mergeGuestCartIntoCookies } from '@/lib/cart/sign-in';
import { actionFailure, formText } from '@/lib/http/action-state';
import { fieldErrors, type ErrorCode, type FieldErrors } from '@/lib/http/errors';
import { clearSessionCookie, readSessionCookie, revokeOwnSession, revokeOtherSessions } from '@/lib/session';
import { login, register, type AuthResult } from './auth';
import { requireUser } from './gate';
import { setMailboxCookie, setSignedInCookies, signInContext, type SignInContext } from './http';
import { safeNextPath } from './redirect';
import { loginSchema, registerSchema, sessionIdParamsSchema } from './schema';

// Server actions are public POST endpoints: each one validates its input and calls the gate itself.
// Next already refuses actions whose Origin does not match the Host, so there is no second CSRF check here.
// They live in lib/ rather than app/ because the forms in components/ call them.

export type AuthFormState = {
  message?: string;
  code?: ErrorCode;
  errors?: FieldErrors;
  /** What the user typed, to fill the form again. Never the password. */
  values?: { email?: string; name?: string; remember?: boolean };
};

// Redis or PostgreSQL away after the limiter passed (the session write, the cart merge): said on the form too.
function failure(caught: unknown, values: AuthFormState['values']): AuthFormState {
  return { ...actionFailure(caught), values };
}

// Login and register end the same way: a new session for this browser, its cookie, and on to `next`. Register
// also mails a link (`sendsMail`), kept in this browser's mailbox where that is on.
async function startSignedIn(
  start: (context: SignInContext) => Promise<AuthResult>,
  values: AuthFormState['values'],
  formData: FormData,
  sendsMail = false,
): Promise<AuthFormState> {
  try {
    const cookieStore = await cookies();
    const context = signInContext({ cookies: cookieStore, headers: await headers() });
    const result = await start(context);
    await setSignedInCookies(cookieStore, result, context.secure);
    if (sendsMail) setMailboxCookie(cookieStore, context);
    await mergeGuestCartIntoCookies(cookieStore, result.user.id, context.secure);
  } catch (error) {
    return failure(error, values);
  }
  redirect(safeNextPath(formText(formData, 'next')));
}

export async function loginAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = { email: formText(formData, 'email'), remember: formData.get('remember') === 'on' };
  const parsed = loginSchema.safeParse({ ...values, password: formText(formData, 'password') });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  return startSignedIn((context) => login(parsed.data, context), values, formData);
}

export async function registerAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = { email: formText(formData, 'email'), name: formText(formData, 'name') };
  const parsed = registerSchema.safeParse({ ...values, password: formText(formData, 'password') });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  return startSignedIn((context) => register(parsed.data, context), values, formData, true);
}

export async function revokeOwnSessionAction(formData: FormData): Promise<void> {
  const current = await requireUser('/account/sessions');
  const parsed = sessionIdParamsSchema.safeParse({ id: formText(formData, 'sessionId') });
  if (!parsed.success) return;
  const sessionId = parsed.data.id;
  await revokeOwnSession(current, sessionId);
  if (sessionId === current.session.id) {
    const cookieStore = await cookies();
    clearSessionCookie(
      cookieStore,
      readSessionCookie({ cookies: cookieStore, headers: await headers() }).secure,
    );
    redirect('/login');
  }
  revalidatePath('/account/sessions');
}

export async function revokeOtherSessionsAction(): Promise<void> {
  await revokeOtherSessions(await requireUser('/account/sessions'));
  revalidatePath('/account/sessions');
}

import { visitorBodySchema } from '@/lib/visitor/schema';
import {
  changePasswordSchema,
  loginSchema,
  passwordResetConfirmSchema,
  passwordResetRequestedSchema,
  passwordResetRequestSchema,
  registerSchema,
  sessionIdParamsSchema,
  verifyEmailSchema,
} from '@/lib/auth/schema';
import {
  activeLiveStateSchema,
  deviceSessionListSchema,
  pollInsteadSchema,
  signedInBodySchema,
} from '@/lib/session/schema';
import type { Operation } from '../types';

// Sign-in, passwords and the signed-in account (its devices, its live state).

export const ACCOUNT_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/session',
    tag: 'Session',
    summary: 'Who is visiting',
    access: 'public',
    success: {
      status: 200,
      description: 'The signed-in user, or null; a stale cookie is cleared.',
      schema: visitorBodySchema,
    },
    errors: { 503: 'Sessions are unavailable (Redis).' },
  },
  {
    method: 'get',
    path: '/api/me',
    tag: 'Session',
    summary: 'The signed-in user',
    access: 'user',
    success: { status: 200, description: 'The user of this session.', schema: signedInBodySchema },
  },
  {
    method: 'post',
    path: '/api/auth/register',
    tag: 'Session',
    summary: 'Create an account and sign in',
    access: 'public',
    body: registerSchema,
    success: {
      status: 201,
      description:
        'Signed in: the session and device cookies are set, a guest cart is merged; where the development ' +
        'mailbox is on, its cookie too (the verification link is kept for this browser).',
      schema: signedInBodySchema,
    },
    errors: {
      409: 'The email already has an account.',
      429: 'Too many registrations from this client.',
      503: 'Sessions are unavailable (Redis).',
    },
  },
  {
    method: 'post',
    path: '/api/auth/login',
    tag: 'Session',
    summary: 'Sign in',
    access: 'public',
    body: loginSchema,
    success: {
      status: 200,
      description: 'Signed in: the session and device cookies are set, a guest cart is merged.',
      schema: signedInBodySchema,
    },
    errors: {
      401: 'Email or password is incorrect.',
      403: 'The account is banned (with the reason and end), or the request came from another site.',
      429: 'Too many failed sign-ins for this account or client; retryAfterSeconds says when to try again.',
      503: 'Sessions are unavailable (Redis).',
    },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    tag: 'Session',
    summary: 'Sign out',
    access: 'public',
    success: { status: 204, description: 'The session is deleted and its cookie cleared.' },
    errors: { 503: 'Sessions are unavailable (Redis).' },
  },
  {
    method: 'post',
    path: '/api/auth/password-reset',
    tag: 'Passwords',
    summary: 'Mail a password reset link',
    access: 'public',
    body: passwordResetRequestSchema,
    success: {
      status: 202,
      description:
        'The same answer whether or not the address has an account. Where the development mailbox is on, it ' +
        'sets the mailbox cookie; the link is kept there only if this browser has signed in to the account.',
      schema: passwordResetRequestedSchema,
    },
    errors: { 429: 'Too many reset requests for this address or client.', 503: 'Redis is unavailable.' },
  },
  {
    method: 'post',
    path: '/api/auth/password-reset/confirm',
    tag: 'Passwords',
    summary: 'Set a new password with a mailed link',
    access: 'public',
    body: passwordResetConfirmSchema,
    success: { status: 204, description: 'The password is changed and every session revoked.' },
    errors: {
      400: 'The input is not valid, the password too weak, or the link invalid or expired.',
      503: 'Redis is unavailable.',
    },
  },
  {
    method: 'post',
    path: '/api/auth/verify-email',
    tag: 'Passwords',
    summary: 'Confirm an email address with a mailed link',
    access: 'public',
    body: verifyEmailSchema,
    success: { status: 204, description: 'The address is verified.' },
    errors: { 400: 'The input is not valid, or the link invalid or expired.' },
  },
  {
    method: 'post',
    path: '/api/account/password',
    tag: 'Account',
    summary: 'Change the password',
    access: 'user',
    body: changePasswordSchema,
    success: {
      status: 204,
      description: "Changed: every other session is revoked; this browser's cookie is renewed.",
    },
    errors: { 429: 'Too many wrong current passwords for this account.' },
  },
  {
    method: 'get',
    path: '/api/account/sessions',
    tag: 'Account',
    summary: "List the user's signed-in devices",
    access: 'user',
    success: { status: 200, description: 'Every live session of the user.', schema: deviceSessionListSchema },
  },
  {
    method: 'delete',
    path: '/api/account/sessions/{id}',
    tag: 'Account',
    summary: 'Sign out one device',
    access: 'user',
    params: sessionIdParamsSchema,
    success: { status: 204, description: 'Revoked (this very session: its cookie is cleared too).' },
    errors: { 404: 'No such session on this account (whoever else it belongs to).' },
  },
  {
    method: 'post',
    path: '/api/account/sessions/revoke-others',
    tag: 'Account',
    summary: 'Sign out every other device',
    access: 'user',
    success: { status: 204, description: 'Every session but this one is revoked.' },
  },
  {
    method: 'get',
    path: '/api/account/state',
    tag: 'Account',
    summary: "An open tab's session state (the poll where Redis has no pub/sub)",
    access: 'user',
    success: {
      status: 200,
      description: 'The active session: role, tier, version.',
      schema: activeLiveStateSchema,
    },
  },
  {
    method: 'get',
    path: '/api/account/events',
    tag: 'Account',
    summary: "An open tab's session events",
    access: 'user',
    success: {
      status: 200,
      description:
        'Server-sent events: the state now, then again after each change of the user (ban, revocation, tier or ' +
        'role). A session holds at most LIVE_STREAMS_PER_SESSION streams and a user LIVE_STREAMS_PER_USER (4 and ' +
        '12 by default): a newer one ends the oldest with {"status":"superseded"}. Where Redis has no pub/sub, JSON ' +
        'telling the tab to poll /api/account/state instead.',
      schema: pollInsteadSchema,
      stream: 'text/event-stream',
    },
  },
];

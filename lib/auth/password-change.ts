import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import { linkMail, sendMailInBackground, siteLink } from '@/lib/mail';
import { createRateLimiter, type RateLimiter } from '@/lib/rate-limit';
import { getRedis } from '@/lib/redis';
import { revokeUserSessions, rotateSession, type CurrentSession, type SessionRecord } from '@/lib/session';
import {
  invalidTokenError,
  issueToken,
  matchesPassword,
  passwordFingerprint,
  TOKEN_LIFETIME_SECONDS,
  verifyToken,
} from '@/lib/tokens';
import { failClosed, rateLimited, type AuthContext } from './auth';
import { accountKey, createPasswordChangeLimiter } from './login-limits';
import { hashPassword, verifyPassword } from './password-hash';
import type { ChangePasswordInput, PasswordResetConfirmInput } from './schema';

// Changing a password (signed in, knowing the current one) and resetting it (by a mailed link). Either way every
// session the user had is revoked in Redis, so a thief holding one is out on the next request.

const WRONG_CURRENT_PASSWORD = 'That is not your current password.';

type PasswordChangeOptions = { limiter?: RateLimiter };

/**
 * A wrong current password counts against this session's own budget (whoever holds a session must not get unlimited
 * guesses at the password), not the account's sign-in budget that strangers can spend. Returns a new session for
 * this browser: the others are signed out.
 */
export async function changePassword(
  current: CurrentSession,
  input: ChangePasswordInput,
  context: AuthContext,
  options: PasswordChangeOptions = {},
): Promise<{ token: string; session: SessionRecord }> {
  const limiter = options.limiter ?? createPasswordChangeLimiter();
  const budget = current.session.id;
  const attempt = await failClosed(() => limiter.consume(budget));
  if (attempt.limited)
    throw rateLimited(attempt.retryAfterSeconds, 'Too many wrong passwords from this device.');

  const row = await db.user.findUnique({ where: { id: current.user.id }, omit: { passwordHash: false } });
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', WRONG_CURRENT_PASSWORD, {
      fields: { currentPassword: [WRONG_CURRENT_PASSWORD] },
    });
  }
  await failClosed(() => limiter.reset(budget));

  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction([
    db.user.update({ where: { id: row.id }, data: { passwordHash } }),
    db.auditLog.create({
      data: { action: 'password.changed', actorId: row.id, targetUserId: row.id, ip: context.deviceIp },
    }),
  ]);
  return rotateSession(current, { ip: context.deviceIp, userAgent: context.userAgent });
}

// Per address (someone flooding one inbox) and per client IP (one client trying many addresses).
const RESET_REQUESTS_PER_EMAIL = 3;
const RESET_REQUESTS_PER_IP = 30;
const RESET_WINDOW_SECONDS = 15 * 60;

type ResetLimiters = { email: RateLimiter; ip: RateLimiter };

function createResetLimiters(redis = getRedis()): ResetLimiters {
  const windowSeconds = RESET_WINDOW_SECONDS;
  return {
    email: createRateLimiter({ redis, name: 'reset-email', limit: RESET_REQUESTS_PER_EMAIL, windowSeconds }),
    ip: createRateLimiter({ redis, name: 'reset-ip', limit: RESET_REQUESTS_PER_IP, windowSeconds }),
  };
}

export const RESET_REQUESTED_MESSAGE =
  'If an account uses this address, a link to choose a new password is on its way. It works for 15 minutes.';

// Signed in place of a real password hash for unknown addresses, so both cases do the same work.
const NO_PASSWORD = '$argon2id$v=19$m=19456,t=2,p=1$no-account$no-account';

function resetMail(to: string, token: string): ReturnType<typeof linkMail> {
  const minutes = TOKEN_LIFETIME_SECONDS['password-reset'] / 60;
  return linkMail({
    to,
    subject: 'Reset your Northwind Supply password',
    greeting: 'Hello,',
    lines: [
      'Someone (we hope you) asked to reset the password of your Northwind Supply account.',
      `The link works once, for ${minutes} minutes. Setting a new password signs out every device.`,
    ],
    linkText: 'Choose a new password',
    url: siteLink('/reset-password', { token }),
    footer: 'If you did not ask for this, ignore this mail: your password stays as it is.',
  });
}

/**
 * Mails a reset link if the address has an account. Answers the same either way, after the same work (a lookup and
 * a signature), and the mail leaves in the background so response time does not tell who has an account. In the
 * development mailbox the link is kept only for a browser that has signed in to this account before (its device
 * cookie): asking for a stranger's reset shows the asker nothing.
 */
export async function requestPasswordReset(
  email: string,
  context: Pick<AuthContext, 'ip' | 'trustedDevice' | 'mailbox'>,
  limiters: ResetLimiters = createResetLimiters(),
): Promise<void> {
  const [byEmail, byIp] = await failClosed(() =>
    Promise.all([
      limiters.email.consume(accountKey(email)),
      context.ip ? limiters.ip.consume(context.ip) : Promise.resolve(null),
    ]),
  );
  const refused = [byEmail, byIp].filter((state) => state?.limited);
  if (refused.length) {
    const seconds = Math.max(...refused.map((state) => state?.retryAfterSeconds ?? 1));
    throw new AppError('rate_limited', 'Too many reset requests. Try again later.', {
      headers: { 'Retry-After': String(seconds) },
      details: { retryAfterSeconds: seconds },
    });
  }
  const row = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, passwordHash: true },
  });
  const token = await issueToken('password-reset', {
    sub: row?.id ?? 'no-account',
    pwd: passwordFingerprint(row?.passwordHash ?? NO_PASSWORD),
  });
  if (!row) return;
  const ownBrowser = context.trustedDevice?.account === accountKey(row.email);
  sendMailInBackground(resetMail(row.email, token), ownBrowser ? context.mailbox : null);
}

/**
 * Whether a reset link would still set a password: signed by us, not expired, and issued for the password the account
 * has now (a used link was issued for the one it replaced). So the page can say so before anything is typed.
 */
export async function resetLinkIsLive(token: string): Promise<boolean> {
  try {
    const claims = await verifyToken('password-reset', token);
    const row = await db.user.findUnique({
      where: { id: claims.sub },
      select: { passwordHash: true },
    });
    return row !== null && matchesPassword(claims.pwd, row.passwordHash);
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_token') return false;
    throw error;
  }
}

/**
 * Sets the password a reset link was issued for. The link is bound to the password it replaces, so it works once:
 * after this (or any other password change) it is refused. Every session of the user is revoked.
 */
export async function confirmPasswordReset(input: PasswordResetConfirmInput): Promise<void> {
  const claims = await verifyToken('password-reset', input.token);
  const row = await db.user.findUnique({ where: { id: claims.sub }, omit: { passwordHash: false } });
  if (!row || !matchesPassword(claims.pwd, row.passwordHash)) throw invalidTokenError();
  // Revoked before the write (Redis down: nothing changes, the link still works) and after it (a sign-in with the
  // old password in between).
  await revokeUserSessions(row.id);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    // Conditional on the old hash: two uses of one link at once change the password once.
    const updated = await tx.user.updateMany({
      where: { id: row.id, passwordHash: row.passwordHash },
      // The link arrived by mail: the address is proven.
      data: { passwordHash, emailVerifiedAt: row.emailVerifiedAt ?? new Date() },
    });
    if (updated.count !== 1) throw invalidTokenError();
    await tx.auditLog.create({ data: { action: 'password.reset', actorId: row.id, targetUserId: row.id } });
  });
  await revokeUserSessions(row.id);
}

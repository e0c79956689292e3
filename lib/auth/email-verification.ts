import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import { linkMail, sendMailInBackground, siteLink } from '@/lib/mail';
import { createRateLimiter, type RateLimiter } from '@/lib/rate-limit';
import { getRedis } from '@/lib/redis';
import { invalidTokenError, issueToken, verifyToken } from '@/lib/tokens';

// Proving an address: a link mailed at registration (and on request) carries a verify-email token naming the user
// and the address; following it sets User.emailVerifiedAt. Verifying twice changes nothing, so the token needs no
// single-use binding of its own.

/** `mailbox`: the requesting browser's development mailbox, which must be the account's own browser. */
export async function sendVerificationEmail(
  user: { id: string; email: string },
  mailbox: string | null = null,
): Promise<void> {
  const token = await issueToken('verify-email', { sub: user.id, email: user.email });
  sendMailInBackground(
    linkMail({
      to: user.email,
      subject: 'Confirm your email address for Northwind Supply',
      greeting: 'Welcome to Northwind Supply,',
      lines: ['Please confirm that this address is yours. The link works for 24 hours.'],
      linkText: 'Confirm my email address',
      url: siteLink('/verify-email', { token }),
      footer: 'If you did not create an account, ignore this mail.',
    }),
    mailbox,
  );
}

/** Marks the address in the token verified. Already verified is fine; a changed or unknown address is not. */
export async function verifyEmail(token: string): Promise<void> {
  const claims = await verifyToken('verify-email', token);
  const updated = await db.user.updateMany({
    where: { id: claims.sub, email: claims.email, emailVerifiedAt: null },
    data: { emailVerifiedAt: new Date() },
  });
  if (updated.count === 1) return;
  const stillOurs = await db.user.count({ where: { id: claims.sub, email: claims.email } });
  if (!stillOurs) throw invalidTokenError();
}

/** When the user's address was verified, or null. */
export async function getEmailVerifiedAt(userId: string): Promise<Date | null> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return row?.emailVerifiedAt ?? null;
}

const RESENDS_PER_HOUR = 3;

function createResendLimiter(redis = getRedis()): RateLimiter {
  return createRateLimiter({ redis, name: 'verify-resend', limit: RESENDS_PER_HOUR, windowSeconds: 3600 });
}

/** Mails a new link unless the address is verified already; a few per hour per account. The user is signed in. */
export async function resendVerificationEmail(
  user: { id: string; email: string },
  mailbox: string | null,
  limiter: RateLimiter = createResendLimiter(),
): Promise<'sent' | 'already_verified'> {
  if (await getEmailVerifiedAt(user.id)) return 'already_verified';
  const attempt = await limiter.consume(user.id);
  if (attempt.limited) {
    throw new AppError('rate_limited', 'We sent a few links already. Try again in an hour.', {
      headers: { 'Retry-After': String(attempt.retryAfterSeconds) },
    });
  }
  await sendVerificationEmail(user, mailbox);
  return 'sent';
}

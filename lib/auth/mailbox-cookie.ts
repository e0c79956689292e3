import 'server-only';
import { mailboxEnabled } from '@/lib/env';
import { isMailboxSecret, newMailboxSecret } from '@/lib/mail';
import { serializeCookie, sessionCookieOptions } from '@/lib/session';
import { TOKEN_LIFETIME_SECONDS } from '@/lib/tokens';

// Where the development mailbox is on (no SMTP), each browser that makes the shop send mail gets a mailbox of its
// own: a random secret in an HttpOnly cookie. The mail is kept for that secret (lib/mail/mailbox.ts), and /mailbox
// and GET /api/dev/mailbox show a browser only what its own cookie opens. A stranger's browser has another secret,
// or none, and sees nothing of anyone else's.

/** As long as the longest-lived link a mail carries (verify-email), renewed by every mail the browser asks for. */
const MAILBOX_COOKIE_MAX_AGE_SECONDS = TOKEN_LIFETIME_SECONDS['verify-email'];

export function mailboxCookieName(secure: boolean): string {
  return secure ? '__Host-mailbox' : 'mailbox';
}

/** The mailbox a cookie opens, or null: no cookie, a malformed one, or the mailbox is off. */
export function openMailboxCookie(value: string | null | undefined): string | null {
  return mailboxEnabled() && value && isMailboxSecret(value) ? value : null;
}

/** The mailbox a request that may send mail keeps it in: the browser's own, else a new one. Null when it is off. */
export function requestMailbox(value: string | null | undefined): string | null {
  if (!mailboxEnabled()) return null;
  return openMailboxCookie(value) ?? newMailboxSecret();
}

export function mailboxCookieOptions(secure: boolean): ReturnType<typeof sessionCookieOptions> {
  return sessionCookieOptions(secure, MAILBOX_COOKIE_MAX_AGE_SECONDS);
}

/** The mailbox cookie as a Set-Cookie header value. */
export function mailboxSetCookie(secret: string, secure: boolean): string {
  return serializeCookie(mailboxCookieName(secure), secret, mailboxCookieOptions(secure));
}

import { mailboxCookieName, openMailboxCookie } from '@/lib/auth/mailbox-cookie';
import { mailboxEnabled } from '@/lib/env';
import { AppError } from '@/lib/http/errors';
import { apiHandler, parseSearchParams } from '@/lib/http/handler';
import { listMailbox } from '@/lib/mail';
import { mailboxQuerySchema } from '@/lib/mail/schema';
import { requestIsHttps } from '@/lib/http/scheme';
import { readCookie } from '@/lib/session';
import { jsonAnswer } from '@/lib/http/no-store';

// The development mailbox as JSON, for the tests and anyone scripting the demo: the mail this browser (its mailbox
// cookie) asked for, and nothing else. Off with SMTP, and in production unless MAILBOX=on.
export const GET = apiHandler(async (request: Request) => {
  if (!mailboxEnabled()) throw new AppError('not_found', 'Not found.');
  const { to } = parseSearchParams(request, mailboxQuerySchema);
  const cookie = readCookie(
    request.headers.get('cookie'),
    mailboxCookieName(requestIsHttps(request.headers)),
  );
  const mailbox = openMailboxCookie(cookie);
  const messages = mailbox ? await listMailbox(mailbox, to) : [];
  return jsonAnswer({ messages });
});

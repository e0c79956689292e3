import { mailboxEnabled } from '@/lib/env';
import { AppError } from '@/lib/http/errors';
import { apiHandler, parseSearchParams } from '@/lib/http/handler';
import { listMailbox } from '@/lib/mail';
import { mailboxQuerySchema } from '@/lib/mail/schema';

// The development mailbox as JSON, for the tests and anyone scripting the demo. Off in production unless MAILBOX=on.
export const GET = apiHandler(async (request: Request) => {
  if (!mailboxEnabled()) throw new AppError('not_found', 'Not found.');
  const { to } = parseSearchParams(request, mailboxQuerySchema);
  const messages = await listMailbox(to);
  return Response.json({ messages }, { headers: { 'Cache-Control': 'no-store' } });
});

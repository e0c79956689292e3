import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { MailText } from '@/components/mail/mail-text';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { mailboxCookieName, openMailboxCookie } from '@/lib/auth/mailbox-cookie';
import { mailboxEnabled } from '@/lib/env';
import { listMailbox } from '@/lib/mail';
import { requestIsHttps } from '@/lib/http/scheme';

export const metadata: Metadata = { title: 'Mailbox', robots: { index: false } };

const timeFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

export default async function MailboxPage() {
  if (!mailboxEnabled()) notFound();
  const cookie = (await cookies()).get(mailboxCookieName(requestIsHttps(await headers())))?.value;
  const mailbox = openMailboxCookie(cookie);
  const messages = mailbox ? await listMailbox(mailbox) : [];
  return (
    <Container className="py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Mailbox</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Without an SMTP server (SMTP_URL), the mail the shop sends is kept here instead: password resets and
        email verification links. This browser sees only the mail it asked for, and a reset link only for an
        account it has signed in to before. Anyone else&apos;s mail stays in their own inbox.
      </p>
      <section aria-labelledby="messages-heading" className="mt-8 flex max-w-3xl flex-col gap-4">
        <h2 id="messages-heading" className="text-lg font-semibold text-slate-900">
          {messages.length === 0
            ? 'No mail for this browser'
            : `${messages.length} message${messages.length === 1 ? '' : 's'} for this browser`}
        </h2>
        {messages.map((message) => (
          <Card key={message.id} data-testid="mail-message">
            <CardHeader>
              <CardTitle className="text-base">{message.subject}</CardTitle>
              <p className="text-xs text-slate-600">
                To {message.to},{' '}
                <time dateTime={message.createdAt.toISOString()}>
                  {timeFormat.format(message.createdAt)} UTC
                </time>
              </p>
            </CardHeader>
            <CardContent>
              <MailText text={message.text} />
            </CardContent>
          </Card>
        ))}
      </section>
    </Container>
  );
}

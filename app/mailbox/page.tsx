import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MailText } from '@/components/mail/mail-text';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { Input } from '@/components/ui/input';
import { mailboxEnabled } from '@/lib/env';
import { listMailbox } from '@/lib/mail';
import { mailboxQuerySchema } from '@/lib/mail/schema';

export const metadata: Metadata = { title: 'Mailbox', robots: { index: false } };

const timeFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!mailboxEnabled()) notFound();
  const raw = (await searchParams).to;
  const parsed = raw === undefined ? null : mailboxQuerySchema.safeParse({ to: raw });
  const to = parsed?.success ? parsed.data.to : null;
  const messages = to ? await listMailbox(to) : [];
  return (
    <Container className="py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Mailbox</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Without an SMTP server (SMTP_URL), the mail the shop sends is kept here instead: password resets and
        email verification links. Enter the address it was sent to.
      </p>
      <form method="get" className="mt-6 flex max-w-xl flex-wrap items-end gap-3">
        <Input
          name="to"
          type="email"
          label="Address"
          autoComplete="email"
          required
          defaultValue={raw ?? ''}
          className="min-w-64 flex-1"
          error={parsed && !parsed.success ? parsed.error.issues.map((issue) => issue.message) : undefined}
        />
        <Button type="submit">Open mailbox</Button>
      </form>
      {to ? (
        <section aria-labelledby="messages-heading" className="mt-8 flex max-w-3xl flex-col gap-4">
          <h2 id="messages-heading" className="text-lg font-semibold text-slate-900">
            {messages.length === 0
              ? `No mail for ${to}`
              : `${messages.length} message${messages.length === 1 ? '' : 's'} for ${to}`}
          </h2>
          {messages.map((message) => (
            <Card key={message.id} data-testid="mail-message">
              <CardHeader>
                <CardTitle className="text-base">{message.subject}</CardTitle>
                <p className="text-xs text-slate-600">
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
      ) : null}
    </Container>
  );
}

import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { env, mailboxEnabled, type Env } from '@/lib/env';
import { keepInMailbox } from './mailbox';
import type { Mail } from './message';

// The one way the app sends mail. With SMTP_URL set it goes out through nodemailer; without, it lands in the
// mailbox kept in PostgreSQL, which the demo shows at /mailbox and the tests read from GET /api/dev/mailbox: there
// each mail is kept for the browser that asked for it (`mailbox`, its cookie's secret), and for no one else.

export type { Mail } from './message';

interface Mailer {
  readonly kind: 'smtp' | 'mailbox';
  /** `mailbox`: the requesting browser's mailbox secret, where the mailbox is on; SMTP ignores it. */
  send(mail: Mail, mailbox?: string | null): Promise<void>;
}

export function createSmtpMailer(transport: Transporter, from: string): Mailer {
  return {
    kind: 'smtp',
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

export function createMailboxMailer(): Mailer {
  return {
    kind: 'mailbox',
    async send(mail, mailbox) {
      // No browser to keep it for (the mailbox is off, or the asker may not read this address's mail): nobody
      // could open it, so it is not stored at all.
      if (mailbox && mailboxEnabled()) await keepInMailbox(mail, mailbox);
    },
  };
}

export function createMailer(source: Env = env): Mailer {
  return source.SMTP_URL
    ? createSmtpMailer(nodemailer.createTransport(source.SMTP_URL), source.MAIL_FROM)
    : createMailboxMailer();
}

let mailer: Mailer | undefined;

function getMailer(): Mailer {
  mailer ??= createMailer();
  return mailer;
}

/**
 * Sends without making the caller wait: a request that mails someone answers in the same time as one that does not,
 * so response time does not tell who has an account. A failure is logged; the user can ask again.
 */
export function sendMailInBackground(mail: Mail, mailbox?: string | null, to: Mailer = getMailer()): void {
  to.send(mail, mailbox).catch((error: unknown) => console.error(`Sending "${mail.subject}" failed:`, error));
}

export { linkMail, siteLink } from './link-mail';
export { isMailboxSecret, listMailbox, newMailboxSecret, type MailboxMessage } from './mailbox';

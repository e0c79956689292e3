import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { db } from '@/lib/db';
import { env, type Env } from '@/lib/env';

// The one way the app sends mail. With SMTP_URL set it goes out through nodemailer; without, it lands in the
// mailbox kept in PostgreSQL, which the demo shows at /mailbox and the tests read from GET /api/dev/mailbox.

export type Mail = { to: string; subject: string; text: string; html: string };

export interface Mailer {
  readonly kind: 'smtp' | 'mailbox';
  send(mail: Mail): Promise<void>;
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
    async send(mail) {
      await db.mailMessage.create({ data: { ...mail, to: mail.to.trim().toLowerCase() } });
    },
  };
}

export function createMailer(source: Env = env): Mailer {
  return source.SMTP_URL
    ? createSmtpMailer(nodemailer.createTransport(source.SMTP_URL), source.MAIL_FROM)
    : createMailboxMailer();
}

let mailer: Mailer | undefined;

export function getMailer(): Mailer {
  mailer ??= createMailer();
  return mailer;
}

/**
 * Sends without making the caller wait: a request that mails someone answers in the same time as one that does not,
 * so response time does not tell who has an account. A failure is logged; the user can ask again.
 */
export function sendMailInBackground(mail: Mail, to: Mailer = getMailer()): void {
  to.send(mail).catch((error: unknown) => console.error(`Sending "${mail.subject}" failed:`, error));
}

export { linkMail } from './link-mail';
export { listMailbox, type MailboxMessage } from './mailbox';

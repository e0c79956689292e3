import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import type { Mail } from './message';

// The development mailbox keeps each mail for the one browser that asked for it: that browser holds a random secret
// (its mailbox cookie, lib/auth/mailbox-cookie.ts). A row stores a hash of the secret, to be found by it, and the
// mail's text and HTML encrypted under a key derived from it (AES-256-GCM): the database alone holds no usable link,
// and no one without the cookie can list or read the mail.

export type MailboxMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: Date;
};

const MAILBOX_PAGE_SIZE = 50;

const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new mailbox: 256 random bits, cookie-safe. */
export function newMailboxSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function isMailboxSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

function derive(secret: string, purpose: 'mailbox id' | 'mailbox key'): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'base64url'), '', purpose, 32));
}

type Body = Pick<Mail, 'text' | 'html'>;

function seal(body: Body, secret: string, mailboxId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(secret, 'mailbox key'), iv).setAAD(
    Buffer.from(mailboxId),
  );
  const sealed = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

function open(sealedBody: string, secret: string, mailboxId: string): Body {
  const bytes = Buffer.from(sealedBody, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', derive(secret, 'mailbox key'), bytes.subarray(0, 12))
    .setAAD(Buffer.from(mailboxId))
    .setAuthTag(bytes.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'));
}

/** Keeps a mail in the mailbox `secret` opens. */
export async function keepInMailbox(mail: Mail, secret: string): Promise<void> {
  const mailboxId = derive(secret, 'mailbox id').toString('base64url');
  await db.mailMessage.create({
    data: {
      mailboxId,
      to: mail.to.trim().toLowerCase(),
      subject: mail.subject,
      sealedBody: seal({ text: mail.text, html: mail.html }, secret, mailboxId),
    },
  });
}

/** The newest messages in the mailbox `secret` opens, optionally only those to one address. */
export async function listMailbox(secret: string, to?: string): Promise<MailboxMessage[]> {
  const mailboxId = derive(secret, 'mailbox id').toString('base64url');
  const rows = await db.mailMessage.findMany({
    where: { mailboxId, ...(to === undefined ? {} : { to: to.trim().toLowerCase() }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAILBOX_PAGE_SIZE,
  });
  return rows.map(({ id, to, subject, sealedBody, createdAt }) => ({
    id,
    to,
    subject,
    ...open(sealedBody, secret, mailboxId),
    createdAt,
  }));
}

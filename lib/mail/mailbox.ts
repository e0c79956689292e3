import 'server-only';
import { db } from '@/lib/db';

export type MailboxMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: Date;
};

export const MAILBOX_PAGE_SIZE = 50;

/** The mailbox's messages to one address, newest first. */
export function listMailbox(to: string): Promise<MailboxMessage[]> {
  return db.mailMessage.findMany({
    where: { to: to.trim().toLowerCase() },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAILBOX_PAGE_SIZE,
  });
}

import { z } from 'zod';

/** GET /api/dev/mailbox: this browser's mail, optionally only that to one address. */
export const mailboxQuerySchema = z.object({
  to: z
    .string({ error: 'Enter an email address.' })
    .trim()
    .toLowerCase()
    .max(254, 'That email address is too long.')
    .pipe(z.email({ error: 'Enter a valid email address.' }))
    .meta({ format: 'email' })
    .optional(),
});

const mailboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  createdAt: z.iso.datetime(),
});

/** GET /api/dev/mailbox: the newest messages this browser asked for. */
export const mailboxBodySchema = z.object({ messages: z.array(mailboxMessageSchema) });

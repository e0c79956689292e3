/** One mail as the app writes it: the same words as text and as HTML (link-mail.ts). */
export type Mail = { to: string; subject: string; text: string; html: string };

import { env } from '@/lib/env';
import type { Mail } from './message';

// Every mail the app sends is a few lines and one link: this writes it as text and as HTML with the same words.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

export function linkMail(options: {
  to: string;
  subject: string;
  greeting: string;
  lines: string[];
  linkText: string;
  url: string;
  footer: string;
}): Mail {
  const { to, subject, greeting, lines, linkText, url, footer } = options;
  const text = [greeting, '', ...lines, '', `${linkText}: ${url}`, '', footer].join('\n');
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  const html =
    `<p>${escapeHtml(greeting)}</p>${paragraphs}` +
    `<p><a href="${escapeHtml(url)}">${escapeHtml(linkText)}</a></p>` +
    `<p style="color:#475569;font-size:13px">${escapeHtml(footer)}</p>`;
  return { to, subject, text, html };
}

/**
 * A link into the site for a mail: always under SITE_URL (a path in it kept), never under the request's Host, which
 * whoever asks for the mail chooses and would put their own address in front of a reset token.
 */
export function siteLink(
  path: string,
  query: Record<string, string>,
  siteUrl: string = env.SITE_URL,
): string {
  const url = new URL(siteUrl);
  url.pathname = `${url.pathname.replace(/\/$/, '')}${path}`;
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}

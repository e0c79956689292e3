import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { mailboxEnabled, parseEnv } from '@/lib/env';
import {
  createMailboxMailer,
  createMailer,
  createSmtpMailer,
  linkMail,
  listMailbox,
  newMailboxSecret,
  siteLink,
} from './index';

const address = () => `mail-${randomUUID()}@test.example`;

const sample = (to: string) =>
  linkMail({
    to,
    subject: 'Reset your <password>',
    greeting: 'Hello & welcome,',
    lines: ['Someone asked to reset the password of this account.'],
    linkText: 'Choose a new password',
    url: 'http://shop.test/reset-password?token=a.b.c',
    footer: 'If it was not you, ignore this mail.',
  });

describe('mail', () => {
  it('keeps mail for the mailbox that asked, newest first, by lowercased address', async () => {
    const to = address();
    const [mine, theirs] = [newMailboxSecret(), newMailboxSecret()];
    const mailer = createMailboxMailer();
    await mailer.send({ ...sample(to), subject: 'first' }, mine);
    await mailer.send({ ...sample(to.toUpperCase()), subject: 'second' }, mine);
    await mailer.send({ ...sample(to), subject: 'theirs' }, theirs);
    await mailer.send(sample(address()), mine);
    const messages = await listMailbox(mine, to);
    expect(messages.map((message) => message.subject)).toEqual(['second', 'first']);
    expect(messages[0]).toMatchObject({ to, text: expect.stringContaining('reset-password?token=a.b.c') });
    expect(await listMailbox(mine)).toHaveLength(3);
    expect((await listMailbox(theirs)).map((message) => message.subject)).toEqual(['theirs']);
    expect(await listMailbox(newMailboxSecret())).toEqual([]);
  });

  it('stores neither the link nor the mailbox secret in the clear, and nothing without a mailbox', async () => {
    const [to, stray] = [address(), address()];
    const secret = newMailboxSecret();
    await createMailboxMailer().send(sample(to), secret);
    await createMailboxMailer().send(sample(stray));
    const stored = JSON.stringify(await db.mailMessage.findMany({ where: { to: { in: [to, stray] } } }));
    expect(stored).toContain(to);
    expect(stored).not.toContain(stray);
    expect(stored).not.toContain('token=a.b.c');
    expect(stored).not.toContain('Hello');
    expect(stored).not.toContain(secret);
  });

  it('sends through nodemailer with the sender address', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sendMail = vi.spyOn(transport, 'sendMail');
    const to = address();
    await createSmtpMailer(transport, 'Shop <shop@test.example>').send(sample(to));
    expect(sendMail).toHaveBeenCalledTimes(1);
    const info = (await sendMail.mock.results[0]?.value) as { message: string };
    const sent = JSON.parse(info.message);
    expect(sent.from).toEqual({ address: 'shop@test.example', name: 'Shop' });
    expect(sent.to).toEqual([{ address: to, name: '' }]);
    expect(sent.subject).toBe('Reset your <password>');
    expect(sent.html).toContain('<a href="http://shop.test/reset-password?token=a.b.c">');
  });

  it('escapes the HTML part and keeps the text part plain', () => {
    const mail = sample(address());
    expect(mail.html).toContain('Hello &amp; welcome,');
    expect(mail.text).toContain('Hello & welcome,');
    expect(mail.text).toContain('Choose a new password: http://shop.test/reset-password?token=a.b.c');
  });

  it('uses SMTP when SMTP_URL is set, the mailbox otherwise', () => {
    expect(createMailer(parseEnv({ SMTP_URL: 'smtp://127.0.0.1:2525' })).kind).toBe('smtp');
    expect(createMailer(parseEnv({})).kind).toBe('mailbox');
  });

  it('opens the mailbox by default, not in production unless MAILBOX=on, and never with SMTP', () => {
    expect(mailboxEnabled(parseEnv({ NODE_ENV: 'development' }))).toBe(true);
    expect(mailboxEnabled(parseEnv({ NODE_ENV: 'test' }))).toBe(true);
    expect(mailboxEnabled(parseEnv({ NODE_ENV: 'production' }))).toBe(false);
    expect(mailboxEnabled(parseEnv({ NODE_ENV: 'production', MAILBOX: 'on' }))).toBe(true);
    expect(mailboxEnabled(parseEnv({ NODE_ENV: 'development', MAILBOX: 'off' }))).toBe(false);
    // With SMTP the mail goes out: nothing is kept, whatever MAILBOX says.
    const smtp = { SMTP_URL: 'smtp://127.0.0.1:2525' };
    expect(mailboxEnabled(parseEnv({ ...smtp, NODE_ENV: 'development' }))).toBe(false);
    expect(mailboxEnabled(parseEnv({ ...smtp, NODE_ENV: 'production', MAILBOX: 'on' }))).toBe(false);
    expect(() => parseEnv({ MAILBOX: 'yes' })).toThrow(/MAILBOX/);
  });
});

describe('siteLink', () => {
  it('puts a mailed link under SITE_URL, keeping a path in it, with the query encoded', () => {
    expect(siteLink('/reset-password', { token: 'a.b c' }, 'https://shop.example')).toBe(
      'https://shop.example/reset-password?token=a.b+c',
    );
    expect(siteLink('/verify-email', { token: 't' }, 'https://example.org/shop/')).toBe(
      'https://example.org/shop/verify-email?token=t',
    );
    expect(siteLink('/verify-email', { token: 't' }, 'http://192.168.1.20:4000')).toBe(
      'http://192.168.1.20:4000/verify-email?token=t',
    );
  });
});

import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { apiRequest } from '@/test/auth';
import { env } from '@/lib/env';
import { createMailboxMailer, newMailboxSecret } from '@/lib/mail';
import { GET } from './route';

describe('GET /api/dev/mailbox', () => {
  const { MAILBOX, SMTP_URL } = env;
  afterEach(() => {
    Object.assign(env, { MAILBOX, SMTP_URL });
  });

  const list = async (query: string, mailbox?: string) => {
    const response = await GET(
      apiRequest(`/api/dev/mailbox${query}`, { cookie: mailbox && `mailbox=${mailbox}` }),
    );
    expect(response.status).toBe(200);
    return (await response.json()).messages as { to: string; subject: string }[];
  };

  it("lists the messages this browser's mailbox holds, and nobody else's", async () => {
    const to = `box-${randomUUID()}@test.example`;
    const [mine, theirs] = [newMailboxSecret(), newMailboxSecret()];
    await createMailboxMailer().send({ to, subject: 'Hi', text: 'Hello', html: '<p>Hello</p>' }, mine);
    const response = await GET(
      apiRequest(`/api/dev/mailbox?to=${encodeURIComponent(to)}`, { cookie: `mailbox=${mine}` }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const { messages } = await response.json();
    expect(messages).toHaveLength(1);
    expect(Object.keys(messages[0]).sort()).toEqual(['createdAt', 'html', 'id', 'subject', 'text', 'to']);
    expect(messages[0]).toMatchObject({ to, subject: 'Hi', text: 'Hello', html: '<p>Hello</p>' });
    expect((await list('', mine)).map((message) => message.to)).toEqual([to]);

    for (const stranger of [undefined, theirs, 'not-a-mailbox']) {
      expect(await list(`?to=${encodeURIComponent(to)}`, stranger)).toEqual([]);
      expect(await list('', stranger)).toEqual([]);
    }
  });

  it('answers 400 to an invalid address', async () => {
    const response = await GET(apiRequest('/api/dev/mailbox?to=nope'));
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields.to).toBeDefined();
  });

  it('answers 404 when the mailbox is off, and whenever SMTP is configured', async () => {
    env.MAILBOX = 'off';
    expect((await GET(apiRequest('/api/dev/mailbox?to=someone%40test.example'))).status).toBe(404);
    Object.assign(env, { MAILBOX: 'on', SMTP_URL: 'smtp://127.0.0.1:2525' });
    expect((await GET(apiRequest('/api/dev/mailbox'))).status).toBe(404);
  });
});

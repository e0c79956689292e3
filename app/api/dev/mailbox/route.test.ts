import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { apiRequest } from '@/test/auth';
import { env } from '@/lib/env';
import { createMailboxMailer } from '@/lib/mail';
import { GET } from './route';

describe('GET /api/dev/mailbox', () => {
  const setting = env.MAILBOX;
  afterEach(() => {
    env.MAILBOX = setting;
  });

  it('lists the messages to an address', async () => {
    const to = `box-${randomUUID()}@test.example`;
    await createMailboxMailer().send({ to, subject: 'Hi', text: 'Hello', html: '<p>Hello</p>' });
    const response = await GET(apiRequest(`/api/dev/mailbox?to=${encodeURIComponent(to)}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { messages } = await response.json();
    expect(messages).toHaveLength(1);
    expect(Object.keys(messages[0]).sort()).toEqual(['createdAt', 'html', 'id', 'subject', 'text', 'to']);
    expect(messages[0]).toMatchObject({ to, subject: 'Hi', text: 'Hello', html: '<p>Hello</p>' });
  });

  it('answers 400 without a valid address', async () => {
    const response = await GET(apiRequest('/api/dev/mailbox?to=nope'));
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields.to).toBeDefined();
  });

  it('answers 404 when the mailbox is off', async () => {
    env.MAILBOX = 'off';
    const response = await GET(apiRequest('/api/dev/mailbox?to=someone%40test.example'));
    expect(response.status).toBe(404);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { apiRequest, sessionCookieFrom, uniqueEmail } from '@/test/auth';
import { getRedisSubscriber } from '@/lib/redis';
import { banUser, setUserTier, SYSTEM_ACTOR } from '@/lib/users';
import { POST as register } from '../auth/register/route';
import { GET as events } from './events/route';
import { GET as state } from './state/route';

async function account() {
  const response = await register(
    apiRequest('/api/auth/register', {
      body: { email: uniqueEmail(), password: 'a long enough password', name: 'Tab' },
    }),
  );
  return { id: (await response.json()).user.id as string, cookie: sessionCookieFrom(response) };
}

/** Reads server-sent events' data, one at a time. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async function next(): Promise<unknown> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (data) return JSON.parse(data.slice(6));
        continue;
      }
      const { value, done } = await reader.read();
      if (done) return 'closed';
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

afterAll(async () => {
  await getRedisSubscriber()?.close();
});

describe('GET /api/account/events', () => {
  it('answers 401 when nobody is signed in', async () => {
    expect((await events(apiRequest('/api/account/events'))).status).toBe(401);
  });

  it('streams the session state, again after a change, and "banned" then the end after a ban', async () => {
    const { id, cookie } = await account();
    const abort = new AbortController();
    const response = await events(
      new Request(apiRequest('/api/account/events', { cookie }), { signal: abort.signal }),
    );
    try {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const next = eventReader(response.body as ReadableStream<Uint8Array>);
      expect(await next()).toMatchObject({ status: 'active', tier: 'standard' });
      await setUserTier(id, 'premium', SYSTEM_ACTOR);
      expect(await next()).toMatchObject({ status: 'active', tier: 'premium' });
      await banUser(id, { reason: 'Spam', durationSeconds: 60 }, SYSTEM_ACTOR);
      expect(await next()).toEqual({ status: 'banned' });
      expect(await next()).toBe('closed');
    } finally {
      abort.abort();
    }
  });
});

describe('GET /api/account/state', () => {
  it('answers the state, 403 after a ban while leaving the notice for /banned, and 401 signed out', async () => {
    const { id, cookie } = await account();
    const first = await state(apiRequest('/api/account/state', { cookie }));
    expect(first.status).toBe(200);
    const before = await first.json();
    expect(before).toMatchObject({ status: 'active', role: 'shopper', tier: 'standard' });
    await setUserTier(id, 'premium', SYSTEM_ACTOR);
    const after = await (await state(apiRequest('/api/account/state', { cookie }))).json();
    expect(after.version).toBeGreaterThan(before.version);
    await banUser(id, { reason: 'Spam', durationSeconds: 60 }, SYSTEM_ACTOR);
    for (let i = 0; i < 2; i += 1) {
      const banned = await state(apiRequest('/api/account/state', { cookie }));
      expect(banned.status).toBe(403);
      expect((await banned.json()).error.code).toBe('banned');
    }
    expect((await state(apiRequest('/api/account/state'))).status).toBe(401);
  });
});

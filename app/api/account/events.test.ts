import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { apiRequest, sessionCookieFrom, uniqueEmail } from '@/test/auth';
import { env } from '@/lib/env';
import { getRedisSubscriber } from '@/lib/redis';
import { banUser, setUserTier, SYSTEM_ACTOR } from '@/lib/users';
import { POST as login } from '../auth/login/route';
import { POST as register } from '../auth/register/route';
import { GET as events } from './events/route';
import { GET as state } from './state/route';

const PASSWORD = 'a long enough password';

async function account() {
  const email = uniqueEmail();
  const response = await register(
    apiRequest('/api/auth/register', { body: { email, password: PASSWORD, name: 'Tab' } }),
  );
  return { id: (await response.json()).user.id as string, email, cookie: sessionCookieFrom(response) };
}

/** Another session of the same user (another browser or device). */
async function signIn(email: string): Promise<string> {
  return sessionCookieFrom(
    await login(apiRequest('/api/auth/login', { body: { email, password: PASSWORD } })),
  );
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

const openTabs: AbortController[] = [];

afterEach(() => {
  for (const tab of openTabs.splice(0)) tab.abort();
});

/** Opens an event stream with this cookie and reads its first state. */
async function openTab(cookie: string) {
  const abort = new AbortController();
  openTabs.push(abort);
  const response = await events(
    new Request(apiRequest('/api/account/events', { cookie }), { signal: abort.signal }),
  );
  expect(response.status).toBe(200);
  const next = eventReader(response.body as ReadableStream<Uint8Array>);
  expect(await next()).toMatchObject({ status: 'active' });
  return next;
}

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

describe('GET /api/account/events caps', () => {
  // After the opens, a change reaches every stream on the same channel: a tab still open says the new tier, and one
  // a newer stream closed has already said "superseded" and ended.
  it(`keeps ${env.LIVE_STREAMS_PER_SESSION} streams per session: one more closes the oldest`, async () => {
    const { id, cookie } = await account();
    const tabs = [];
    for (let i = 0; i <= env.LIVE_STREAMS_PER_SESSION; i += 1) tabs.push(await openTab(cookie));
    await setUserTier(id, 'premium', SYSTEM_ACTOR);
    const [oldest, ...rest] = tabs;
    expect(await oldest?.()).toEqual({ status: 'superseded' });
    expect(await oldest?.()).toBe('closed');
    for (const tab of rest) expect(await tab()).toMatchObject({ status: 'active', tier: 'premium' });
  });

  it(`keeps ${env.LIVE_STREAMS_PER_USER} streams per user across sessions: one more closes the oldest`, async () => {
    const { id, email, cookie } = await account();
    const cookies = [cookie];
    const tabs = [];
    // Every session below its own cap, so only the user's cap is reached.
    const perSession = Math.min(env.LIVE_STREAMS_PER_SESSION, env.LIVE_STREAMS_PER_USER);
    while (tabs.length < env.LIVE_STREAMS_PER_USER) {
      if (tabs.length >= perSession * cookies.length) cookies.push(await signIn(email));
      tabs.push(await openTab(cookies.at(-1) as string));
    }
    tabs.push(await openTab(await signIn(email)));
    await setUserTier(id, 'premium', SYSTEM_ACTOR);
    const [oldest, ...rest] = tabs;
    expect(await oldest?.()).toEqual({ status: 'superseded' });
    expect(await oldest?.()).toBe('closed');
    for (const tab of rest) expect(await tab()).toMatchObject({ status: 'active', tier: 'premium' });
  });

  it('a stream that ends counts out: closing one leaves room for the next without closing another', async () => {
    const { id, cookie } = await account();
    const tabs = [];
    for (let i = 0; i < env.LIVE_STREAMS_PER_SESSION; i += 1) tabs.push(await openTab(cookie));
    // The newest tab goes; its slot is free again.
    openTabs.at(-1)?.abort();
    expect(await tabs.at(-1)?.()).toBe('closed');
    tabs.pop();
    tabs.push(await openTab(cookie));
    await setUserTier(id, 'premium', SYSTEM_ACTOR);
    for (const tab of tabs) expect(await tab()).toMatchObject({ status: 'active', tier: 'premium' });
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

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeSessionUser as makeUser } from '@/test/session-user';
import type { RedisPort } from '@/lib/redis';
import { hashTagOf, keysUnder, testPrefix, TRANSPORTS, useRedis } from '@/test/redis';
import { hashToken, parseSessionId, parseToken, sessionKeys } from './keys';
import { decodeSession } from './record';
import { createSessionStore } from './store';

const IDLE = 600;
const BROWSER_IDLE = 300;
const ABSOLUTE = 3600;
const TOUCH = 60;
const s = (seconds: number) => seconds * 1000;

const meta = {
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
};

/** Counts calls into the port, to prove how many round trips an operation costs. */
function counting(redis: RedisPort): { redis: RedisPort; calls: () => number } {
  let calls = 0;
  const proxy = new Proxy(redis, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { redis: proxy, calls: () => calls };
}

/** A port on which `step`, once set by `next`, runs after the next `method` call is answered and before it returns. */
function interleaving(redis: RedisPort, method: keyof RedisPort) {
  let step: (() => Promise<unknown>) | null = null;
  const port = new Proxy(redis, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== method || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const reply = (await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)) as unknown;
        const pending = step;
        step = null;
        await pending?.();
        return reply;
      };
    },
  });
  return { redis: port, next: (then: () => Promise<unknown>) => void (step = then) };
}

describe.each(TRANSPORTS)('session store over %s', (transport) => {
  const redis = useRedis(transport);
  const prefix = testPrefix(`session-${transport}`);
  const keys = sessionKeys(prefix);
  const partsOf = (token: string) => {
    const parts = parseToken(token);
    if (!parts) throw new Error(`not a token: ${token}`);
    return parts;
  };
  const sessionKeyOf = (token: string) => keys.session(partsOf(token).userId, partsOf(token).tokenHash);
  const noticeKeyOf = (token: string) => keys.banNotice(partsOf(token).userId, partsOf(token).tokenHash);

  function setup(options: { absoluteSeconds?: number; port?: RedisPort } = {}) {
    const clock = { now: Date.now() };
    const store = createSessionStore({
      redis: options.port ?? redis(),
      prefix,
      idleSeconds: IDLE,
      browserIdleSeconds: BROWSER_IDLE,
      absoluteSeconds: options.absoluteSeconds ?? ABSOLUTE,
      touchSeconds: TOUCH,
      now: () => clock.now,
    });
    return { store, clock, start: clock.now };
  }

  /** A store under a prefix of its own, for tests that look at every key it wrote. */
  function isolatedStore(name: string) {
    const ownPrefix = `${prefix}${name}:`;
    const store = createSessionStore({
      redis: redis(),
      prefix: ownPrefix,
      idleSeconds: IDLE,
      browserIdleSeconds: BROWSER_IDLE,
      absoluteSeconds: ABSOLUTE,
      touchSeconds: TOUCH,
    });
    return { store, ownPrefix };
  }

  const storedLastSeen = async (token: string) =>
    decodeSession((await redis().get(sessionKeyOf(token))) as string).lastSeenAt;

  it('creates a session with a 256-bit token naming its user and reads it back with its user', async () => {
    const { store, start } = setup();
    const user = makeUser();
    const { token, session } = await store.createSession(user, meta);
    const [userPart, secret] = token.split('.');
    expect(userPart).toBe(user.id);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret as string, 'base64url')).toHaveLength(32);
    expect(session).toEqual({
      id: expect.stringMatching(new RegExp(`^${user.id}\\.[A-Za-z0-9_-]{22}$`)),
      userId: user.id,
      createdAt: start,
      lastSeenAt: start,
      expiresAt: start + s(ABSOLUTE),
      idleExpiresAt: start + s(IDLE),
      persistent: true,
      ip: meta.ip,
      device: 'Firefox 133 on Linux',
      provedAt: null,
      impersonatorId: null,
    });
    expect(session.id).not.toBe(token);
    expect(await store.readSession(token)).toEqual({ session, user });
  });

  it('reads a session in one round trip', async () => {
    const port = counting(redis());
    const { store } = setup({ port: port.redis });
    const { token } = await store.createSession(makeUser(), meta);
    const before = port.calls();
    expect(await store.readSession(token)).not.toBeNull();
    expect(port.calls() - before).toBe(1);
  });

  it("counts the units in the user's cart in the same round trip, when asked", async () => {
    const port = counting(redis());
    const { store } = setup({ port: port.redis });
    const user = makeUser();
    const { token } = await store.createSession(user, meta);
    expect((await store.readSession(token, { countCart: true }))?.cartUnits).toBe(0);
    await redis().pipeline([['HSET', keys.userCart(user.id), 'p1', '2', 'p2', '5']]);
    const before = port.calls();
    expect((await store.readSession(token, { countCart: true }))?.cartUnits).toBe(7);
    expect(port.calls() - before).toBe(1);
    expect(await store.readSession(token)).not.toHaveProperty('cartUnits');
  });

  it('keeps what the device is, not its User-Agent header, in a short string', async () => {
    const { store } = setup();
    const userAgent = `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 ${'x'.repeat(400)}`;
    const { token, session } = await store.createSession(makeUser(), { ip: meta.ip, userAgent });
    expect(session.device).toBe('Chrome 131 on Windows');
    expect((await store.readSession(token))?.session.device).toBe('Chrome 131 on Windows');
    const stored = (await redis().get(sessionKeyOf(token))) as string;
    expect(stored).not.toContain('AppleWebKit');
    // docs/benchmarks.md, memory: the whole session, times and IP included, in about a hundred bytes.
    expect(Buffer.byteLength(stored)).toBeLessThan(128);
  });

  it('keeps null IP and user agent as null', async () => {
    const { store } = setup();
    const { token } = await store.createSession(makeUser(), { ip: null, userAgent: null });
    const lookup = await store.readSession(token);
    expect(lookup?.session.ip).toBeNull();
    expect(lookup?.session.device).toBeNull();
  });

  it('never stores the token: keys and values hold only its SHA-256', async () => {
    const { store, ownPrefix } = isolatedStore('no-token');
    const user = makeUser();
    const { token, session } = await store.createSession(user, meta);
    await store.readSession(token);
    const found = await keysUnder(redis(), ownPrefix);
    expect(found.sort()).toEqual(
      [
        `${ownPrefix}session:{u:${user.id}}:${hashToken(token)}`,
        `${ownPrefix}user:{u:${user.id}}`,
        `${ownPrefix}user-sessions:{u:${user.id}}`,
      ].sort(),
    );
    expect(found.join()).not.toContain(session.id.split('.')[1]);
    for (const key of found) {
      const [type] = await redis().pipeline([['TYPE', key]]);
      const dump =
        type === 'hash'
          ? await redis().hgetall(key)
          : type === 'zset'
            ? await redis().zrangebyscore(key, '-inf', '+inf')
            : await redis().get(key);
      expect(key).not.toContain(token);
      expect(JSON.stringify(dump)).not.toContain(token);
    }
  });

  it('puts a TTL on every key it writes', async () => {
    const { store, ownPrefix } = isolatedStore('ttl');
    const user = makeUser();
    const first = await store.createSession(user, meta);
    await store.createSession(user, meta);
    await store.cacheUser({ ...user, tier: 'premium', version: user.version + 1 });
    await store.revokeSession(first.token, { banNoticeMs: s(60) });
    const found = await keysUnder(redis(), ownPrefix);
    // session, ban notice, user record, index
    expect(found).toHaveLength(4);
    for (const key of found) expect(await redis().pttl(key)).toBeGreaterThan(0);
  });

  it('gives the session key the shorter of idle and time left to the absolute expiry', async () => {
    const { store, clock, start } = setup({ absoluteSeconds: 700 });
    const { token } = await store.createSession(makeUser(), meta);
    const key = sessionKeyOf(token);
    expect(await redis().pttl(key)).toBeGreaterThan(s(IDLE - 10));
    clock.now = start + s(200);
    await store.readSession(token);
    // The touch re-armed the TTL to the 500 s left before the absolute expiry, not the 600 s idle window.
    expect(await redis().pttl(key)).toBeLessThanOrEqual(s(500));
    expect(await redis().pttl(key)).toBeGreaterThan(s(400));
  });

  it('writes lastSeenAt at most once per touch interval', async () => {
    const { store, clock, start } = setup();
    const { token } = await store.createSession(makeUser(), meta);
    clock.now = start + s(TOUCH - 1);
    expect((await store.readSession(token))?.session.lastSeenAt).toBe(start);
    expect(await storedLastSeen(token)).toBe(start);
    clock.now = start + s(TOUCH + 1);
    expect((await store.readSession(token))?.session.lastSeenAt).toBe(start + s(TOUCH + 1));
    expect(await storedLastSeen(token)).toBe(start + s(TOUCH + 1));
    clock.now = start + s(TOUCH + 30);
    const lookup = await store.readSession(token);
    expect(lookup?.session.lastSeenAt).toBe(start + s(TOUCH + 1));
    expect(lookup?.session.idleExpiresAt).toBe(start + s(TOUCH + 1 + IDLE));
    expect(await storedLastSeen(token)).toBe(start + s(TOUCH + 1));
  });

  it('expires an idle session, and sliding renewal keeps an active one', async () => {
    const { store, clock, start } = setup();
    const idle = await store.createSession(makeUser(), meta);
    const active = await store.createSession(makeUser(), meta);
    clock.now = start + s(IDLE - 100);
    expect(await store.readSession(active.token)).not.toBeNull();
    clock.now = start + s(IDLE + 1);
    expect(await store.readSession(idle.token)).toBeNull();
    expect(await redis().get(sessionKeyOf(idle.token))).toBeNull();
    expect(await store.readSession(active.token)).not.toBeNull();
  });

  it('expires a session at its absolute expiry however active it is', async () => {
    const { store, clock, start } = setup();
    const { token } = await store.createSession(makeUser(), meta);
    for (let at = 0; at < ABSOLUTE; at += IDLE / 2) {
      clock.now = start + s(at);
      expect(await store.readSession(token)).not.toBeNull();
    }
    clock.now = start + s(ABSOLUTE);
    expect(await store.readSession(token)).toBeNull();
  });

  it('returns null for tokens it never issued, without asking Redis about malformed ones', async () => {
    const port = counting(redis());
    const { store } = setup({ port: port.redis });
    // The bare 43-character token is what cookies held before tokens named their user: signed out, no round trip.
    const malformed = ['', 'short', '!'.repeat(43), 'a'.repeat(5000), randomBytes(32).toString('base64url')];
    for (const token of [...malformed, `a{b}.${'x'.repeat(43)}`, `${'u'.repeat(65)}.${'x'.repeat(43)}`]) {
      expect(await store.readSession(token)).toBeNull();
    }
    expect(port.calls()).toBe(0);
    expect(await store.readSession(`${makeUser().id}.${randomBytes(32).toString('base64url')}`)).toBeNull();
    expect(port.calls()).toBe(1);
  });

  it('issues a new token on every login; the old one lives until it is revoked', async () => {
    const { store } = setup();
    const user = makeUser();
    const before = await store.createSession(user, meta);
    const after = await store.createSession(user, meta);
    expect(after.token).not.toBe(before.token);
    expect(after.session.id).not.toBe(before.session.id);
    expect(await store.readSession(before.token)).not.toBeNull();
    await store.revokeSession(before.token);
    expect(await store.readSession(before.token)).toBeNull();
    expect(await store.readSession(after.token)).not.toBeNull();
  });

  it('does not bring back a session revoked between its read and its touch', async () => {
    const racing = interleaving(redis(), 'mget');
    const { store, clock, start } = setup({ port: racing.redis });
    const { token } = await store.createSession(makeUser(), meta);
    clock.now = start + s(TOUCH + 1);
    racing.next(() => store.revokeSession(token));
    expect(await store.readSession(token)).toBeNull();
    expect(await redis().get(sessionKeyOf(token))).toBeNull();
  });

  it('reads a session key of an older layout (a hash) as signed out, with or without the cart count', async () => {
    const { store } = setup();
    const { token } = await store.createSession(makeUser(), meta);
    await redis().del(sessionKeyOf(token));
    await redis().hset(sessionKeyOf(token), { id: 'old', createdAt: '1' });
    expect(await store.readSession(token)).toBeNull();
    expect(await store.readSession(token, { countCart: true })).toBeNull();
  });

  it('refuses a session value it did not write', async () => {
    const { store } = setup();
    const { token } = await store.createSession(makeUser(), meta);
    await redis().set(sessionKeyOf(token), '["id",1,2]', { pxMs: s(60) });
    await expect(store.readSession(token)).rejects.toThrow(/Corrupt session record/);
  });

  it('revokes one session and drops it from the user index', async () => {
    const { store } = setup();
    const user = makeUser();
    const revoked = await store.createSession(user, meta);
    const kept = await store.createSession(user, meta);
    await store.revokeSession(revoked.token);
    await store.revokeSession('not-a-token');
    expect(await store.readSession(revoked.token)).toBeNull();
    expect(await redis().zrangebyscore(keys.userSessions(user.id), '-inf', '+inf')).toEqual([
      hashToken(kept.token),
    ]);
  });

  it('revokes by public id only among that user’s sessions', async () => {
    const { store } = setup();
    const owner = makeUser();
    const other = makeUser();
    const { token, session } = await store.createSession(owner, meta);
    await store.createSession(other, meta);
    expect(await store.revokeSessionById(other.id, session.id)).toBe(false);
    expect(await store.readSession(token)).not.toBeNull();
    expect(await store.revokeSessionById(owner.id, session.id)).toBe(true);
    expect(await store.readSession(token)).toBeNull();
    expect(await store.revokeSessionById(owner.id, session.id)).toBe(false);
  });

  it('revokes all of a user’s sessions, or all but the current one', async () => {
    const { store } = setup();
    const user = makeUser();
    const bystander = await store.createSession(makeUser(), meta);
    const [current, second, third] = await Promise.all([1, 2, 3].map(() => store.createSession(user, meta)));
    expect(await store.revokeAllSessions(user.id, { exceptSessionId: current!.session.id })).toBe(2);
    expect(await store.readSession(second!.token)).toBeNull();
    expect(await store.readSession(third!.token)).toBeNull();
    expect(await store.readSession(current!.token)).not.toBeNull();
    expect(await store.revokeAllSessions(user.id)).toBe(1);
    expect(await store.readSession(current!.token)).toBeNull();
    expect(await store.readSession(bystander.token)).not.toBeNull();
    expect(await store.revokeAllSessions(user.id)).toBe(0);
  });

  it('revokes a session created between reading the index and running the script', async () => {
    const user = makeUser();
    // The index read is answered, then another sign-in of the same user lands before the script runs.
    const racing = interleaving(redis(), 'zrangebyscore');
    const { store } = setup();
    const { store: racingStore } = setup({ port: racing.redis });
    const first = await store.createSession(user, meta);
    let late: Awaited<ReturnType<typeof store.createSession>> | undefined;
    // A list is a snapshot: a sign-in after its index read shows in the next one.
    racing.next(async () => (late = await store.createSession(user, meta)));
    expect((await racingStore.listUserSessions(user.id)).map((session) => session.id)).toEqual([
      first.session.id,
    ]);
    expect(await store.listUserSessions(user.id)).toHaveLength(2);
    racing.next(async () => (late = await store.createSession(user, meta)));
    expect(await racingStore.revokeAllSessions(user.id)).toBe(3);
    expect(await store.readSession(late!.token)).toBeNull();
    racing.next(async () => (late = await store.createSession(user, meta)));
    const revoked = await racingStore.applyUserChange({
      userId: user.id,
      user: { ...user, bannedAt: Date.now(), version: user.version + 1 },
      revokeSessions: true,
      banNoticeMs: s(60),
      event: '{}',
    });
    expect(revoked).toBe(1);
    expect(await store.readSession(late!.token)).toBeNull();
    expect(await store.readBanNotice(late!.token)).toBe(user.id);
  });

  it('keeps every key of one user in one Redis Cluster hash slot', async () => {
    const { store, ownPrefix } = isolatedStore('one-slot');
    const user = makeUser();
    const first = await store.createSession(user, meta);
    await store.createSession(user, meta);
    await store.revokeSession(first.token, { banNoticeMs: s(60) });
    await redis().hset(sessionKeys(ownPrefix).userCart(user.id), { p: '1' });
    const found = await keysUnder(redis(), ownPrefix);
    expect(found).toHaveLength(5);
    expect(new Set(found.map(hashTagOf))).toEqual(new Set([`u:${user.id}`]));
  });

  it('lists a user’s sessions newest first and prunes expired members from the index', async () => {
    const { store, clock, start } = setup();
    const user = makeUser();
    const old = await store.createSession(user, meta);
    clock.now = start + s(300);
    const middle = await store.createSession(user, { ip: null, userAgent: 'Other' });
    clock.now = start + s(400);
    const newest = await store.createSession(user, meta);
    expect((await store.listUserSessions(user.id)).map((session) => session.id)).toEqual([
      newest.session.id,
      middle.session.id,
      old.session.id,
    ]);
    clock.now = start + s(IDLE + 1);
    const listed = await store.listUserSessions(user.id);
    expect(listed).toEqual([newest.session, middle.session]);
    expect((await redis().zrangebyscore(keys.userSessions(user.id), '-inf', '+inf')).sort()).toEqual(
      [hashToken(middle.token), hashToken(newest.token)].sort(),
    );
    expect(await store.listUserSessions(makeUser().id)).toEqual([]);
  });

  it('shows a changed user record on the next read', async () => {
    const { store, clock } = setup();
    const user = makeUser();
    const { token } = await store.createSession(user, meta);
    const banned = {
      ...user,
      role: 'admin' as const,
      tier: 'premium' as const,
      bannedAt: clock.now,
      bannedUntil: null,
      version: user.version + 1,
    };
    await store.cacheUser(banned);
    // A banned user's lookup still returns the session, with the ban state: the gate decides and revokes.
    expect(await store.readSession(token)).toEqual({
      session: expect.objectContaining({ userId: user.id }),
      user: banned,
    });
  });

  it('keeps a newer user record when a login or a reload carries an older copy (login-vs-ban race)', async () => {
    const { store, clock } = setup();
    const user = makeUser();
    const banned = { ...user, bannedAt: clock.now, bannedUntil: null, version: user.version + 1 };
    await store.cacheUser(banned);
    // The login read the user before the ban landed; its session must still see the ban.
    const { token } = await store.createSession(user, meta);
    expect((await store.readSession(token))?.user).toEqual(banned);
    expect(await store.cacheUser(user)).toBe(false);
    expect((await store.readSession(token))?.user).toEqual(banned);
    expect(await redis().pttl(keys.user(user.id))).toBeGreaterThan(0);
  });

  it('lets a login carry a newer copy over an older record (a demoted admin signing in again)', async () => {
    const { store } = setup();
    const admin = makeUser({ role: 'admin' });
    await store.createSession(admin, meta);
    const demoted = { ...admin, role: 'shopper' as const, version: admin.version + 1 };
    const { token } = await store.createSession(demoted, meta);
    expect((await store.readSession(token))?.user).toEqual(demoted);
    // ...and an older admin copy arriving after that changes nothing.
    await store.createSession(admin, meta);
    expect((await store.readSession(token))?.user).toEqual(demoted);
  });

  it('overwrites an unreadable or version-less record with any copy', async () => {
    const { store } = setup();
    const user = makeUser();
    await redis().set(keys.user(user.id), '{"id":"x","version":"soon"}', { pxMs: s(60) });
    expect(await store.cacheUser(user)).toBe(true);
    await redis().set(keys.user(user.id), 'not json', { pxMs: s(60) });
    expect(await store.cacheUser(user)).toBe(true);
  });

  it('applies an admin change whatever is stored, revokes with ban notices, and publishes', async () => {
    const { store } = setup();
    const user = makeUser({ version: 5 });
    const one = await store.createSession(user, meta);
    const two = await store.createSession(user, meta);
    const banned = { ...user, bannedAt: Date.now(), bannedUntil: null, version: 3 };
    const revoked = await store.applyUserChange({
      userId: user.id,
      user: banned,
      revokeSessions: true,
      banNoticeMs: s(60),
      event: '{"userId":"x","kind":"banned"}',
    });
    expect(revoked).toBe(2);
    expect(await store.readSession(one.token)).toBeNull();
    expect(await store.readSession(two.token)).toBeNull();
    expect(await store.readBanNotice(one.token)).toBe(user.id);
    expect(await store.readBanNotice(two.token)).toBe(user.id);
    const noticeTtl = await redis().pttl(noticeKeyOf(one.token));
    expect(noticeTtl).toBeGreaterThan(0);
    expect(noticeTtl).toBeLessThanOrEqual(s(60));
    expect(await store.listUserSessions(user.id)).toEqual([]);
    expect(JSON.parse((await redis().get(keys.user(user.id))) ?? 'null')).toEqual(banned);
    await store.dropBanNotice(one.token);
    expect(await store.readBanNotice(one.token)).toBeNull();
  });

  it('deletes the record for a deleted user and revokes without notices', async () => {
    const { store } = setup();
    const user = makeUser();
    const { token } = await store.createSession(user, meta);
    await store.applyUserChange({ userId: user.id, user: null, revokeSessions: true, event: '{}' });
    expect(await redis().get(keys.user(user.id))).toBeNull();
    expect(await store.readSession(token)).toBeNull();
    expect(await store.readBanNotice(token)).toBeNull();
  });

  it('names the owner of a session in its public id', async () => {
    const { store } = setup();
    const user = makeUser();
    const { session } = await store.createSession(user, meta);
    expect(parseSessionId(session.id)?.userId).toBe(user.id);
    expect(parseSessionId('AAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
  });

  it('counts live sessions under its prefix', async () => {
    const { store } = isolatedStore('count');
    const user = makeUser();
    const { token } = await store.createSession(user, meta);
    await store.createSession(makeUser(), meta);
    expect(await store.countSessions()).toBe(2);
    await store.revokeSession(token);
    expect(await store.countSessions()).toBe(1);
  });

  it('returns user null when the user record is missing, until it is cached again', async () => {
    const { store } = setup();
    const user = makeUser();
    const { token, session } = await store.createSession(user, meta);
    await store.dropUser(user.id);
    expect(await store.readSession(token)).toEqual({ session, user: null });
    expect(await store.cacheUser(user)).toBe(true);
    expect(await store.readSession(token)).toEqual({ session, user });
  });

  it('treats an unreadable user record as missing', async () => {
    const { store } = setup();
    const user = makeUser();
    const { token } = await store.createSession(user, meta);
    await redis().set(keys.user(user.id), '{"id":"x","role":"root"}', { pxMs: s(60) });
    expect((await store.readSession(token))?.user).toBeNull();
  });

  it('reads a user record field by field: any field of the wrong kind makes it missing, extra fields are dropped', async () => {
    const { store } = setup();
    const user = makeUser();
    const { token } = await store.createSession(user, meta);
    const stored = { ...user, bannedAt: null, bannedUntil: null, version: 3 };
    const readWith = async (record: unknown) => {
      const json = typeof record === 'string' ? record : JSON.stringify(record);
      await redis().set(keys.user(user.id), json, { pxMs: s(60) });
      return (await store.readSession(token))?.user;
    };
    expect(await readWith({ ...stored, extra: 'dropped' })).toEqual(stored);
    expect(await readWith({ ...stored, bannedAt: 5, bannedUntil: 9 })).toEqual({
      ...stored,
      bannedAt: 5,
      bannedUntil: 9,
    });
    for (const broken of [
      { ...stored, id: '' },
      { ...stored, id: 7 },
      { ...stored, email: null },
      { ...stored, name: undefined },
      { ...stored, role: 'root' },
      { ...stored, tier: 'gold' },
      { ...stored, bannedAt: '2026-01-01' },
      { ...stored, bannedUntil: true },
      { ...stored, version: -1 },
      { ...stored, version: 1.5 },
      { ...stored, version: '3' },
      [stored],
      'not json',
      '"a string"',
      'null',
    ]) {
      expect(await readWith(broken), JSON.stringify(broken)).toBeNull();
    }
  });

  it('refuses timeouts that cannot work', () => {
    const timeouts = { idleSeconds: 600, browserIdleSeconds: 300, absoluteSeconds: 600, touchSeconds: 60 };
    expect(() => createSessionStore({ redis: redis(), prefix, ...timeouts })).not.toThrow();
    expect(() => createSessionStore({ redis: redis(), prefix, ...timeouts, idleSeconds: 60 })).toThrow();
    expect(() =>
      createSessionStore({ redis: redis(), prefix, ...timeouts, browserIdleSeconds: 60 }),
    ).toThrow();
  });

  describe('without "Keep me signed in"', () => {
    it('ends after the browser idle timeout, while a persistent session lives on', async () => {
      const { store, clock, start } = setup();
      const user = makeUser();
      const browser = await store.createSession(user, { ...meta, persistent: false });
      const kept = await store.createSession(user, meta);
      expect(browser.session).toMatchObject({ persistent: false, idleExpiresAt: start + s(BROWSER_IDLE) });
      const ttl = await redis().pipeline([['PTTL', sessionKeyOf(browser.token)]]);
      expect(Number(ttl[0])).toBeLessThanOrEqual(s(BROWSER_IDLE));
      expect(Number(ttl[0])).toBeGreaterThan(s(BROWSER_IDLE - 10));

      clock.now = start + s(BROWSER_IDLE - 1);
      expect((await store.readSession(browser.token))?.session.persistent).toBe(false);
      clock.now = start + s(2 * BROWSER_IDLE - 2);
      expect(await store.readSession(browser.token)).not.toBeNull();
      expect(await store.readSession(kept.token)).not.toBeNull();
      clock.now = start + s(3 * BROWSER_IDLE - 1);
      expect(await store.readSession(browser.token)).toBeNull();
      expect(await redis().pipeline([['EXISTS', sessionKeyOf(browser.token)]])).toEqual([0]);
      expect((await store.readSession(kept.token))?.session.persistent).toBe(true);
    });

    it('renews by the browser idle timeout when touched', async () => {
      const { store, clock, start } = setup();
      const { token } = await store.createSession(makeUser(), { ...meta, persistent: false });
      clock.now = start + s(TOUCH);
      const lookup = await store.readSession(token);
      expect(lookup?.session.idleExpiresAt).toBe(start + s(TOUCH + BROWSER_IDLE));
      const [ttl] = await redis().pipeline([['PTTL', sessionKeyOf(token)]]);
      expect(Number(ttl)).toBeLessThanOrEqual(s(BROWSER_IDLE));
    });

    it('is left out of the device list once idle', async () => {
      const { store, clock, start } = setup();
      const user = makeUser();
      await store.createSession(user, { ...meta, persistent: false });
      const kept = await store.createSession(user, meta);
      clock.now = start + s(BROWSER_IDLE + 1);
      expect((await store.listUserSessions(user.id)).map((session) => session.id)).toEqual([kept.session.id]);
    });
  });
});

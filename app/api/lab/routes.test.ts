import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, uniqueEmail } from '@/test/auth';
import { hashPassword } from '@/lib/auth/password-hash';
import { db } from '@/lib/db';
import type { AppError } from '@/lib/http/errors';
import { verifyCredentials } from '@/lib/lab/credentials';
import { encodeLabJwt, LAB_COOKIES } from '@/lib/lab/jwt';
import { banLabUser, setLabUserTier, unbanLabUser } from '@/lib/lab/lab-user-changes';
import { isLabUser, LAB_USER_LIFETIME_MS, removeExpiredLabUsers, startLabUser } from '@/lib/lab/lab-users';
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from '@/lib/http/peer-address';
import { createRateLimiter } from '@/lib/rate-limit';
import { createSlowdown } from '@/lib/rate-limit/slowdown';
import { getRedis } from '@/lib/redis';
import { testPrefix } from '@/test/redis';
import { sealToken, sessionCookieName } from '@/lib/session';
import { GET as denylistMe } from './denylist-me/route';
import { GET as jwtMe } from './jwt-me/route';
import { GET as redisMe } from './redis-me/route';

function testLabUserLimits(perClient = 1000, siteWide = 1000) {
  const prefix = testPrefix('lab-user');
  const limiter = (name: string, limit: number) =>
    createRateLimiter({ redis: getRedis(), prefix, name, limit, windowSeconds: 600 });
  return { client: limiter('lab-user', perClient), site: limiter('lab-user-site', siteWide) };
}

async function labUser() {
  const signIn = await startLabUser(
    { previousToken: null, ip: null, deviceIp: null, userAgent: 'vitest' },
    { limits: testLabUserLimits() },
  );
  const sid = `${sessionCookieName(false)}=${await sealToken(signIn.sessionToken)}`;
  const cookie = `${sid}; ${LAB_COOKIES.sessionToken}=${signIn.jwt}`;
  return { ...signIn, cookie };
}

async function ask(handler: (request: Request) => Promise<Response>, path: string, cookie: string) {
  const response = await handler(apiRequest(path, { cookie }));
  return { status: response.status, body: await response.json() };
}

const askAll = async (cookie: string) => ({
  redis: await ask(redisMe, '/api/lab/redis-me', cookie),
  jwt: await ask(jwtMe, '/api/lab/jwt-me', cookie),
  denylist: await ask(denylistMe, '/api/lab/denylist-me', cookie),
});

/** Counts Redis commands (ioredis, the TCP transport the app uses here) and PostgreSQL queries (pg). */
function countBackendCalls() {
  const redis = vi.spyOn(Redis.prototype, 'sendCommand');
  const postgres = vi.spyOn(pg.Client.prototype, 'query');
  return { redis: () => redis.mock.calls.length, postgres: () => postgres.mock.calls.length };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the lab APIs', () => {
  it('answer with the user, each the same shape', async () => {
    const { cookie, userId } = await labUser();
    const answers = await askAll(cookie);
    for (const answer of Object.values(answers)) {
      expect(answer.status).toBe(200);
      expect(answer.body.user).toMatchObject({
        id: userId,
        role: 'shopper',
        tier: 'standard',
        banned: false,
      });
      expect(Date.parse(answer.body.expiresAt)).toBeGreaterThan(Date.parse(answer.body.issuedAt));
    }
    expect(await isLabUser(userId)).toBe(true);
  });

  it('jwt-me makes no Redis command and no database query; the others do', async () => {
    const { cookie, userId } = await labUser();
    const calls = countBackendCalls();
    expect((await ask(jwtMe, '/api/lab/jwt-me', cookie)).status).toBe(200);
    expect({ redis: calls.redis(), postgres: calls.postgres() }).toEqual({ redis: 0, postgres: 0 });
    expect((await ask(denylistMe, '/api/lab/denylist-me', cookie)).status).toBe(200);
    expect({ redis: calls.redis(), postgres: calls.postgres() }).toEqual({ redis: 1, postgres: 0 });
    expect((await ask(redisMe, '/api/lab/redis-me', cookie)).status).toBe(200);
    expect(calls.redis()).toBeGreaterThan(1);
    // The counters do see the database when it is asked.
    await isLabUser(userId);
    expect(calls.postgres()).toBeGreaterThan(0);
  });

  it('after a ban that wrote the deny-list: Redis refuses, the JWT still answers stale, the deny-list refuses', async () => {
    const { cookie, userId } = await labUser();
    await banLabUser(userId, { writeDenyList: true });
    const banned = await askAll(cookie);
    expect(banned.redis.status).toBe(401);
    expect(banned.jwt.status).toBe(200);
    expect(banned.jwt.body.user).toMatchObject({ id: userId, banned: false });
    expect(banned.denylist.status).toBe(403);
    expect(banned.denylist.body.error).toMatchObject({ code: 'banned', redisLookups: 1 });
    await unbanLabUser(userId);
    expect((await ask(denylistMe, '/api/lab/denylist-me', cookie)).status).toBe(200);
  });

  it("after the admin console's ban, which writes no deny-list: only Redis refuses", async () => {
    const { cookie, userId } = await labUser();
    await banLabUser(userId, { writeDenyList: false });
    const banned = await askAll(cookie);
    expect(banned.redis.status).toBe(401);
    expect(banned.jwt.status).toBe(200);
    expect(banned.denylist.status).toBe(200);
    expect(banned.denylist.body.user).toMatchObject({ id: userId, banned: false });
  });

  it('after an upgrade: Redis sees premium at once, both JWT columns keep the old tier', async () => {
    const { cookie, userId } = await labUser();
    await setLabUserTier(userId, 'premium');
    const upgraded = await askAll(cookie);
    expect(upgraded.redis.body.user.tier).toBe('premium');
    expect(upgraded.jwt.body.user.tier).toBe('standard');
    expect(upgraded.denylist.body.user.tier).toBe('standard');
  });

  it('refuse a missing, unsigned or tampered JWT with 401', async () => {
    const { jwt } = await labUser();
    const [header, payload, signature] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
    const changed = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    for (const token of ['', '%E0%A4%A', `${header}.${changed}.${signature}`, `${none}.${payload}.`]) {
      const cookie = `${LAB_COOKIES.sessionToken}=${token}`;
      expect((await ask(jwtMe, '/api/lab/jwt-me', cookie)).status).toBe(401);
      expect((await ask(denylistMe, '/api/lab/denylist-me', cookie)).status).toBe(401);
    }
    expect(await encodeLabJwt({ sub: 'x' })).toMatch(/^eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\./);
  });
});

describe('lab users', () => {
  it('are the only users the lab can change', async () => {
    const row = await db.user.create({
      data: { email: uniqueEmail(), name: 'Not lab', passwordHash: 'x' },
    });
    await expect(banLabUser(row.id, { writeDenyList: true })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await db.user.findUniqueOrThrow({ where: { id: row.id } })).bannedAt).toBeNull();
    expect(await isLabUser(row.id)).toBe(false);
  });

  it('are made a few at a time per client', async () => {
    const limits = testLabUserLimits(1);
    const context = { previousToken: null, ip: '203.0.113.9', deviceIp: null, userAgent: null };
    await startLabUser(context, { limits });
    await expect(startLabUser(context, { limits })).rejects.toMatchObject({ code: 'rate_limited' });
    await startLabUser({ ...context, ip: '203.0.113.10' }, { limits });
  });

  it('are made a bounded number at a time site-wide, whatever the addresses', async () => {
    const limits = testLabUserLimits(1000, 2);
    const from = (ip: string | null) => ({ previousToken: null, ip, deviceIp: null, userAgent: null });
    await startLabUser(from('203.0.113.11'), { limits });
    await startLabUser(from(null), { limits });
    const refused = await startLabUser(from('203.0.113.12'), { limits }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/on this site/) });
    expect(Number((refused as AppError).options.headers?.['Retry-After'])).toBeGreaterThan(0);
    // The refused client's own budget was given back.
    expect((await limits.client.consume('203.0.113.12')).remaining).toBe(999);
  });

  it('are removed after an hour, their sessions with them', async () => {
    const { cookie, userId } = await labUser();
    expect(await removeExpiredLabUsers(Date.now())).toBe(0);
    expect(await removeExpiredLabUsers(Date.now() + LAB_USER_LIFETIME_MS + 1000)).toBeGreaterThanOrEqual(1);
    expect(await db.user.findUnique({ where: { id: userId } })).toBeNull();
    expect((await ask(redisMe, '/api/lab/redis-me', cookie)).status).toBe(401);
  });
});

describe('the lab Credentials check', () => {
  it('accepts the storefront password and refuses a wrong one or a banned account', async () => {
    const email = uniqueEmail();
    const password = randomBytes(12).toString('base64url');
    const row = await db.user.create({
      data: { email, name: 'Credentials', passwordHash: await hashPassword(password) },
    });
    expect(await verifyCredentials({ email, password }, {})).toMatchObject({ id: row.id, banned: false });
    expect(await verifyCredentials({ email, password: 'wrong password' }, {})).toBeNull();
    await db.user.update({ where: { id: row.id }, data: { bannedAt: new Date() } });
    expect(await verifyCredentials({ email, password }, {})).toBeNull();
  });

  // The storefront's limiters with small budgets of their own.
  function loginLimiters(ipLimit: number) {
    const prefix = testPrefix('lab-login');
    const limiter = (name: string, limit: number) =>
      createRateLimiter({ redis: getRedis(), prefix, name, limit, windowSeconds: 900 });
    return {
      account: limiter('login-account', 1000),
      device: limiter('login-device', 1000),
      ip: limiter('login-ip', ipLimit),
      failureBurst: createSlowdown({
        redis: getRedis(),
        prefix,
        name: 'login-failures',
        freeHits: 1000,
        windowSeconds: 60,
        firstDelayMs: 1,
        maxDelayMs: 2,
      }),
    };
  }

  it("spends the storefront's per-client budget: past it, even the right password is refused", async () => {
    recordPeerAddresses();
    const email = uniqueEmail();
    const password = randomBytes(12).toString('base64url');
    await db.user.create({ data: { email, name: 'Guessed', passwordHash: await hashPassword(password) } });
    const limiters = loginLimiters(2);
    const fromOneClient = { [PEER_ADDRESS_HEADER]: '203.0.113.44' };
    for (const guess of ['guess one', 'guess two']) {
      expect(
        await verifyCredentials({ email: uniqueEmail(), password: guess }, fromOneClient, limiters),
      ).toBeNull();
    }
    await expect(verifyCredentials({ email, password }, fromOneClient, limiters)).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/from this network/),
    });
    const otherClient = { [PEER_ADDRESS_HEADER]: '203.0.113.45' };
    expect(await verifyCredentials({ email, password }, otherClient, limiters)).toMatchObject({ email });
  });

  it('feeds the site-wide slowdown of failures when the client is not known', async () => {
    const limiters = loginLimiters(1000);
    for (const guess of ['guess one', 'guess two']) {
      expect(await verifyCredentials({ email: uniqueEmail(), password: guess }, {}, limiters)).toBeNull();
    }
    expect((await limiters.failureBurst.hit('all')).count).toBe(3);
  });
});

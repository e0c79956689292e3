import { Redis } from 'ioredis';
import { logout } from '@/lib/auth/auth';
import { env } from '@/lib/env';
import type { UserAccess } from '@/lib/access';
import { toPublicUser } from '@/lib/access/public-user';
import { readCookie, sealToken, sessionCookieName, sessionSetCookie, unsealToken } from '@/lib/session';
import { checkSession } from '@/lib/users';
import { hashToken, sessionKeys } from '@/lib/session/keys';
import { CREATE_SESSION } from '@/lib/session/lua';
import { encodeSession } from '@/lib/session/record';
import { describeUserAgent } from '@/lib/session/user-agent';
import { getSessionStore } from '@/lib/session/store';
import { seedRedis, seededToken } from './seed';
import { answer, seededUserId, signedOut, type PeerContext, type PeerDefinition } from './types';

// The project's own check, as every route handler runs it: read the cookie, open the seal (lib/session/seal.ts),
// one MGET for the session and the user record, parse, decide.
// It reads its settings from lib/env like the app does: the bench sets REDIS_URL and REDIS_KEY_PREFIX.

const COOKIE = sessionCookieName(false);

export const sessionUser = (id: string): UserAccess => ({
  id,
  email: `${id}@bench.example`,
  name: 'Bench User',
  role: 'shopper',
  tier: 'standard',
  bannedAt: null,
  bannedUntil: null,
  version: 0,
});

// A desktop browser's user agent: what a real session stores next to its IP (the device list shows both).
export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** The token of seeded session `index`: its user's id, a dot, the secret part (lib/session/keys.ts). */
export const seededSessionToken = (index: number) => `${seededUserId(index)}.${seededToken(index)}`;

export const ours: PeerDefinition = {
  id: 'ours',
  label: 'ours: opaque token, one MGET for session + user record (lib/session)',
  staleFor: null,
  stateful: true,
  async start(context) {
    if (env.REDIS_KEY_PREFIX !== context.prefix || env.REDIS_URL !== context.redisUrl) {
      throw new Error('The project check reads REDIS_URL and REDIS_KEY_PREFIX from its environment.');
    }
    const tokenOf = (header: string | undefined) => unsealToken(readCookie(header ?? null, COOKIE) ?? '');
    return {
      me: async (request, response) => {
        const token = tokenOf(request.headers.cookie);
        const current = (await checkSession(token)).current;
        if (current) answer(response, 200, toPublicUser(current.user));
        else signedOut(response);
      },
      login: async (_request, response, userId) => {
        const { token } = await getSessionStore().createSession(sessionUser(userId), {
          ip: '203.0.113.7',
          userAgent: BROWSER_USER_AGENT,
        });
        response.setHeader('set-cookie', await sessionSetCookie(token, false, true));
        answer(response, 204);
      },
      logout: async (request, response) => {
        await logout(tokenOf(request.headers.cookie));
        answer(response, 204);
      },
      close: async () => {},
    };
  },
  seededCookie: async (context, index) =>
    `${COOKIE}=${await sealToken(seededSessionToken(index), [context.secret])}`,
  // The store's own creation script, pipelined: the exact layout a sign-in writes (session string, user record,
  // the user's index).
  seed: (context, from, to) => seedSessions(context, from, to),
  // Overwrites: the creation script leaves an existing session as it is, so rewriting through it would keep the
  // seeding time as last seen, and every "freshly seen" visitor would pay a renewal write.
  refreshSeeded: (context, indices, lastSeenAt) => rewriteSessions(context, indices, lastSeenAt),
};

const seededSession = (index: number, lastSeenAt: number, expiresAt: number) =>
  encodeSession({
    localId: `seed${index.toString(36)}`.padEnd(22, 'x'),
    createdAt: lastSeenAt,
    lastSeenAt,
    expiresAt,
    persistent: true,
    ip: '203.0.113.7',
    device: describeUserAgent(BROWSER_USER_AGENT).label,
    provedAt: lastSeenAt,
    impersonatorId: null,
  });

/** Sets seeded sessions `indices` again, whatever is stored, as last seen at `lastSeenAt`, with the idle TTL. */
function rewriteSessions(context: PeerContext, indices: number[], lastSeenAt: number): Promise<void> {
  const keys = sessionKeys(context.prefix);
  const expiresAt = Date.now() + env.SESSION_ABSOLUTE_SECONDS * 1000;
  const ttlMs = Math.min(env.SESSION_IDLE_SECONDS, env.SESSION_ABSOLUTE_SECONDS) * 1000;
  return seedRedis(context.redisUrl, 0, indices.length, (k) => {
    const index = indices[k] as number;
    const key = keys.session(seededUserId(index), hashToken(seededSessionToken(index)));
    return [['SET', key, seededSession(index, lastSeenAt, expiresAt), 'PX', ttlMs]];
  });
}

/** Creates seeded sessions [from, to) with the store's own creation script, last seen now. */
async function seedSessions(context: PeerContext, from: number, to: number): Promise<void> {
  const keys = sessionKeys(context.prefix);
  const redis = new Redis(context.redisUrl);
  await redis.script('LOAD', CREATE_SESSION.source);
  redis.disconnect();
  const now = Date.now();
  const absoluteMs = env.SESSION_ABSOLUTE_SECONDS * 1000;
  const idleMs = env.SESSION_IDLE_SECONDS * 1000;
  await seedRedis(context.redisUrl, from, to, (index) => {
    const userId = seededUserId(index);
    const tokenHash = hashToken(seededSessionToken(index));
    return [
      [
        'EVALSHA',
        CREATE_SESSION.sha1,
        3,
        keys.session(userId, tokenHash),
        keys.user(userId),
        keys.userSessions(userId),
        seededSession(index, now, now + absoluteMs),
        now,
        now + absoluteMs,
        Math.min(idleMs, absoluteMs),
        absoluteMs,
        JSON.stringify(sessionUser(userId)),
        tokenHash,
        0,
      ],
    ];
  });
}

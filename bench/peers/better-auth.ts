import { createHmac, randomBytes } from 'node:crypto';
import { redisStorage } from '@better-auth/redis-storage';
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { fromNodeHeaders } from 'better-auth/node';
import { Redis } from 'ioredis';
import pg from 'pg';
import { seedRedis, seededToken } from './seed';
import {
  answer,
  seededUserId,
  SESSIONS_PER_USER,
  signedOut,
  type PeerContext,
  type PeerDefinition,
} from './types';

// better-auth as its docs set it up for speed: users in PostgreSQL, sessions in Redis (secondary storage, so the
// session check never reads the database), optionally with its cookie cache, which skips Redis for 5 minutes.

export const COOKIE_CACHE_SECONDS = 5 * 60;
const SESSION_SECONDS = 7 * 24 * 3600;

const storagePrefix = (context: PeerContext) => `${context.prefix}ba:`;

function createAuth(context: PeerContext, pool: pg.Pool | null, redis: Redis | null, cookieCache: boolean) {
  return betterAuth({
    secret: context.secret,
    baseURL: 'http://127.0.0.1',
    database: pool ?? new pg.Pool({ connectionString: context.databaseUrl }),
    secondaryStorage: redisStorage({
      client: redis ?? new Redis(context.redisUrl),
      keyPrefix: storagePrefix(context),
    }),
    emailAndPassword: { enabled: true },
    session: {
      expiresIn: SESSION_SECONDS,
      cookieCache: { enabled: cookieCache, maxAge: COOKIE_CACHE_SECONDS },
    },
    // Its own tables, next to the app's in the test database.
    user: { modelName: 'ba_user' },
    account: { modelName: 'ba_account' },
    verification: { modelName: 'ba_verification' },
    telemetry: { enabled: false },
    rateLimit: { enabled: false },
  });
}

function betterAuthPeer(cookieCache: boolean): PeerDefinition {
  return {
    id: cookieCache ? 'better-auth-cookie-cache' : 'better-auth',
    label: cookieCache
      ? `better-auth getSession with its cookie cache (${COOKIE_CACHE_SECONDS / 60} min)`
      : 'better-auth getSession, Redis secondary storage, no cookie cache',
    staleFor: cookieCache ? `until the cookie cache expires (${COOKIE_CACHE_SECONDS / 60} min)` : null,
    // With the cookie cache the check reads the store once per 5 minutes, so the store's size does not reach it.
    stateful: !cookieCache,
    async prepare(context) {
      const pool = new pg.Pool({ connectionString: context.databaseUrl });
      const redis = new Redis(context.redisUrl, { lazyConnect: true });
      try {
        const { runMigrations } = await getMigrations(createAuth(context, pool, redis, cookieCache).options);
        await runMigrations();
      } finally {
        await pool.end();
        redis.disconnect();
      }
    },
    async start(context) {
      const pool = new pg.Pool({ connectionString: context.databaseUrl });
      const redis = new Redis(context.redisUrl, { enableAutoPipelining: true });
      const auth = createAuth(context, pool, redis, cookieCache);
      return {
        me: async (request, response) => {
          const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
          if (session) answer(response, 200, { id: session.user.id });
          else signedOut(response);
        },
        // better-auth makes its own user ids; the bench's id only names the account.
        login: async (_request, response, userId) => {
          const { headers } = await auth.api.signUpEmail({
            body: {
              email: `${userId}-${randomBytes(4).toString('hex')}@bench.example`,
              password: 'bench-password-123',
              name: 'Bench User',
            },
            returnHeaders: true,
          });
          response.setHeader('set-cookie', headers.getSetCookie());
          answer(response, 204);
        },
        logout: async (request, response) => {
          const { headers } = await auth.api.signOut({
            headers: fromNodeHeaders(request.headers),
            returnHeaders: true,
          });
          response.setHeader('set-cookie', headers.getSetCookie());
          answer(response, 204);
        },
        close: async () => {
          await pool.end();
          redis.disconnect();
        },
      };
    },
    // better-call's signed cookie: the token, `.`, its HMAC-SHA256 under the secret in base64, URL-encoded.
    seededCookie: cookieCache
      ? undefined
      : (context, index) => {
          const token = seededToken(index, 32);
          const signature = createHmac('sha256', context.secret).update(token).digest('base64');
          return `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
        },
    costlySignIn: cookieCache
      ? 'its cookie-cache cookie comes only from a sign-in, which hashes a password (scrypt): tens of thousands would take many minutes'
      : undefined,
    // Its secondary-storage layout: the session with a copy of the user under the token, and each user's list of
    // active sessions. Both variants share one store, so only the one without the cookie cache seeds it.
    seed: cookieCache
      ? undefined
      : async (context, from, to) => {
          const now = Date.now();
          const expiresAt = new Date(now + SESSION_SECONDS * 1000).toISOString();
          const at = new Date(now).toISOString();
          await seedRedis(context.redisUrl, from, to, (index) => {
            const userId = seededUserId(index);
            const token = seededToken(index, 32);
            const session = {
              id: `seed-session-${index}`,
              token,
              userId,
              expiresAt,
              createdAt: at,
              updatedAt: at,
              ipAddress: '203.0.113.7',
              userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0.0.0',
            };
            const user = {
              id: userId,
              name: 'Bench User',
              email: `${userId}@bench.example`,
              emailVerified: false,
              image: null,
              createdAt: at,
              updatedAt: at,
            };
            const prefix = storagePrefix(context);
            const commands = [
              ['SETEX', `${prefix}${token}`, SESSION_SECONDS, JSON.stringify({ session, user })],
            ];
            if (index % SESSIONS_PER_USER === 0) {
              const tokens = Array.from({ length: SESSIONS_PER_USER }, (_, i) => ({
                token: seededToken(index + i, 32),
                expiresAt: now + SESSION_SECONDS * 1000,
              }));
              commands.push([
                'SETEX',
                `${prefix}active-sessions-${userId}`,
                SESSION_SECONDS,
                JSON.stringify(tokens),
              ]);
            }
            return commands;
          });
        },
  };
}

export const betterAuthNoCache = betterAuthPeer(false);
export const betterAuthCookieCache = betterAuthPeer(true);

import { randomBytes } from 'node:crypto';
import { createRedis } from '@/lib/redis';
import { readCookie } from '@/lib/session';
import { seedRedis, seededToken } from './seed';
import { answer, seededUserId, signedOut, type PeerContext, type PeerDefinition } from './types';

// The simplest opaque session: the raw token in the cookie, one GET of a small JSON record. No user record, so a
// ban or a tier change would need every session of the user found and rewritten. It sends its GET through the app's
// own Redis client (lib/redis), as ours does: the floor under any check that asks Redis.

const COOKIE = 't';
const TTL_SECONDS = 7 * 24 * 3600;
const key = (context: PeerContext, token: string) => `${context.prefix}plain:${token}`;

export const redisGet: PeerDefinition = {
  id: 'redis-get',
  label: 'opaque token, one Redis GET (no user record)',
  staleFor: null,
  stateful: true,
  async start(context) {
    const redis = createRedis({ transport: 'tcp', url: context.redisUrl });
    return {
      me: async (request, response) => {
        const token = readCookie(request.headers.cookie ?? null, COOKIE);
        const json = token ? await redis.get(key(context, token)) : null;
        const record = json ? (JSON.parse(json) as { userId: string }) : null;
        if (record) answer(response, 200, { id: record.userId });
        else signedOut(response);
      },
      login: async (_request, response, userId) => {
        const token = randomBytes(32).toString('base64url');
        await redis.set(key(context, token), JSON.stringify({ userId, createdAt: Date.now() }), {
          pxMs: TTL_SECONDS * 1000,
        });
        response.setHeader('set-cookie', `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`);
        answer(response, 204);
      },
      logout: async (request, response) => {
        const token = readCookie(request.headers.cookie ?? null, COOKIE);
        if (token) await redis.del(key(context, token));
        answer(response, 204);
      },
      close: () => redis.close(),
    };
  },
  seededCookie: (_context, index) => `${COOKIE}=${seededToken(index)}`,
  async seed(context, from, to) {
    const now = Date.now();
    await seedRedis(context.redisUrl, from, to, (index) => [
      [
        'SET',
        key(context, seededToken(index)),
        JSON.stringify({ userId: seededUserId(index), createdAt: now }),
        'EX',
        TTL_SECONDS,
      ],
    ]);
  },
};

import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RedisStore } from 'connect-redis';
import session from 'express-session';
import { createClient } from 'redis';
import { seedRedis, seededToken } from './seed';
import { answer, seededUserId, signedOut, type PeerContext, type PeerDefinition } from './types';

// express-session with connect-redis as their READMEs set them up (connect-redis 9 takes node-redis). Left at its
// defaults, express-session touches the store on every request that does not change the session.

declare module 'express-session' {
  interface SessionData {
    userId: string;
  }
}

type Middleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;
type WithSession = IncomingMessage & { session: session.Session & Partial<session.SessionData> };

const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
const storePrefix = (context: PeerContext) => `${context.prefix}sess:`;

export const expressSession: PeerDefinition = {
  id: 'express-session',
  label: 'express-session + connect-redis (node-redis)',
  staleFor: null,
  stateful: true,
  async start(context) {
    const client = createClient({ url: context.redisUrl });
    client.on('error', (error: Error) => console.error(error.message));
    await client.connect();
    const middleware = session({
      store: new RedisStore({ client, prefix: storePrefix(context) }),
      secret: context.secret,
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: true, sameSite: 'lax', maxAge: MAX_AGE_MS },
    }) as unknown as Middleware;
    const withSession = (request: IncomingMessage, response: ServerResponse) =>
      new Promise<WithSession>((resolve, reject) =>
        middleware(request, response, (error) => (error ? reject(error) : resolve(request as WithSession))),
      );
    const settle = (resolve: () => void, reject: (error: unknown) => void) => (error?: unknown) =>
      error ? reject(error) : resolve();
    return {
      me: async (request, response) => {
        const userId = (await withSession(request, response)).session.userId;
        if (userId) answer(response, 200, { id: userId });
        else signedOut(response);
      },
      login: async (request, response, userId) => {
        const { session: current } = await withSession(request, response);
        current.userId = userId;
        await new Promise<void>((resolve, reject) => current.save(settle(resolve, reject)));
        answer(response, 204);
      },
      logout: async (request, response) => {
        const { session: current } = await withSession(request, response);
        await new Promise<void>((resolve, reject) => current.destroy(settle(resolve, reject)));
        answer(response, 204);
      },
      close: async () => {
        await client.quit();
      },
    };
  },
  // express-session's own cookie: `s:` + the id + `.` + its HMAC-SHA256 under the secret (cookie-signature).
  seededCookie: (context, index) => {
    const id = seededToken(index, 32);
    const signature = createHmac('sha256', context.secret).update(id).digest('base64').replace(/=+$/, '');
    return `connect.sid=${encodeURIComponent(`s:${id}.${signature}`)}`;
  },
  // connect-redis's layout: the session as JSON under its id, with the cookie's expiry as the TTL.
  async seed(context, from, to) {
    const expires = new Date(Date.now() + MAX_AGE_MS).toISOString();
    await seedRedis(context.redisUrl, from, to, (index) => [
      [
        'SET',
        `${storePrefix(context)}${seededToken(index, 32)}`,
        JSON.stringify({
          cookie: { originalMaxAge: MAX_AGE_MS, expires, httpOnly: true, path: '/', sameSite: 'lax' },
          userId: seededUserId(index),
        }),
        'PX',
        MAX_AGE_MS,
      ],
    ]);
  },
};

import { createSecretKey, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import { encode, decode } from 'next-auth/jwt';
import { readCookie } from '@/lib/session';
import { seedRedis } from './seed';
import { answer, signedOut, type Peer, type PeerContext, type PeerDefinition } from './types';

// The credentials that carry the user's claims themselves. Logout can only ask the browser to forget the cookie:
// a copy keeps working until it expires, unless the server keeps a deny-list (the last peer here).

const COOKIE = 'jwt';
/** A short-lived access token, as JWT guides recommend when there is no way to revoke one. */
export const JWT_EXPIRY_SECONDS = 15 * 60;
/** next-auth v4's default session maxAge (30 days). */
export const NEXT_AUTH_MAX_AGE_SECONDS = 30 * 24 * 3600;

const claims = (userId: string) => ({
  email: `${userId}@bench.example`,
  name: 'Bench User',
  role: 'shopper',
});

const expireCookie = (name: string) => `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`;

/** What a JWT library does for the peers below: sign a user's token, verify one from a Cookie header. */
type JwtChecker = {
  sign(userId: string): Promise<string>;
  verify(header: string | undefined): Promise<JWTPayload | null>;
};

async function joseChecker(context: PeerContext): Promise<JwtChecker> {
  // jose 6 runs on WebCrypto: a CryptoKey imported once, as its docs advise. Handed a KeyObject instead, it converts
  // it on every call, which measured 2.3 times slower here.
  const key = await crypto.subtle.importKey(
    'raw',
    Buffer.from(context.secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  return {
    sign: (userId) =>
      new SignJWT(claims(userId))
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setJti(randomBytes(12).toString('base64url'))
        .setIssuedAt()
        .setExpirationTime(`${JWT_EXPIRY_SECONDS}s`)
        .sign(key),
    verify: async (header) => {
      const token = readCookie(header ?? null, COOKIE);
      if (!token) return null;
      try {
        return (await jwtVerify(token, key, { algorithms: ['HS256'] })).payload;
      } catch {
        return null;
      }
    },
  };
}

// jsonwebtoken, the most installed JWT library for Node: synchronous HMAC through node:crypto, where WebCrypto's
// verify (jose) is a promise settled off the main thread.
function jsonwebtokenChecker(context: PeerContext): JwtChecker {
  const key = createSecretKey(Buffer.from(context.secret));
  return {
    sign: async (userId) =>
      jsonwebtoken.sign(claims(userId), key, {
        algorithm: 'HS256',
        subject: userId,
        jwtid: randomBytes(12).toString('base64url'),
        expiresIn: JWT_EXPIRY_SECONDS,
      }),
    verify: async (header) => {
      const token = readCookie(header ?? null, COOKIE);
      if (!token) return null;
      try {
        const payload = jsonwebtoken.verify(token, key, { algorithms: ['HS256'] });
        return typeof payload === 'string' ? null : payload;
      } catch {
        return null;
      }
    },
  };
}

function jwtPeer(
  checker: JwtChecker,
  options: {
    denied?: (payload: JWTPayload) => Promise<boolean>;
    deny?: (payload: JWTPayload) => Promise<void>;
  },
): Peer {
  return {
    me: async (request, response) => {
      const payload = await checker.verify(request.headers.cookie);
      if (payload?.sub && !(await options.denied?.(payload))) answer(response, 200, { id: payload.sub });
      else signedOut(response);
    },
    login: async (_request, response, userId) => {
      response.setHeader(
        'set-cookie',
        `${COOKIE}=${await checker.sign(userId)}; Path=/; HttpOnly; SameSite=Lax`,
      );
      answer(response, 204);
    },
    logout: async (request, response) => {
      const payload = await checker.verify(request.headers.cookie);
      if (payload) await options.deny?.(payload);
      response.setHeader('set-cookie', expireCookie(COOKIE));
      answer(response, 204);
    },
    close: async () => {},
  };
}

export const joseJwt: PeerDefinition = {
  id: 'jose',
  label: 'stateless JWT (jose HS256, CryptoKey imported once)',
  staleFor: `until expiry (${JWT_EXPIRY_SECONDS / 60} min)`,
  stateful: false,
  async start(context) {
    return jwtPeer(await joseChecker(context), {});
  },
};

export const jsonwebtokenJwt: PeerDefinition = {
  id: 'jsonwebtoken',
  label: 'stateless JWT (jsonwebtoken HS256, synchronous node:crypto)',
  staleFor: `until expiry (${JWT_EXPIRY_SECONDS / 60} min)`,
  stateful: false,
  async start(context) {
    return jwtPeer(jsonwebtokenChecker(context), {});
  },
};

const denyKey = (context: PeerContext, jti: string) => `${context.prefix}deny:${jti}`;

export const jwtDenyList: PeerDefinition = {
  id: 'jwt-deny-list',
  label: 'JWT (jose HS256) + Redis deny-list (EXISTS per request)',
  staleFor: null,
  stateful: true,
  async start(context) {
    const redis = new Redis(context.redisUrl, { enableAutoPipelining: true });
    const peer = jwtPeer(await joseChecker(context), {
      // No jti, no way to deny it: such a token is refused.
      denied: async (payload) => !payload.jti || (await redis.exists(denyKey(context, payload.jti))) === 1,
      deny: async (payload) => {
        if (payload.jti && payload.exp)
          await redis.set(denyKey(context, payload.jti), '1', 'EXAT', payload.exp);
      },
    });
    return {
      ...peer,
      close: async () => {
        redis.disconnect();
      },
    };
  },
  // The deny-list holds revoked tokens until they expire; the scale runs fill it with as many as there are sessions.
  async seed(context, from, to) {
    await seedRedis(context.redisUrl, from, to, (index) => [
      ['SET', denyKey(context, `seed-${index}`), '1', 'EX', JWT_EXPIRY_SECONDS],
    ]);
  },
};

const NEXT_AUTH_COOKIE = 'next-auth.session-token';

export const nextAuthJwt: PeerDefinition = {
  id: 'next-auth',
  label: 'next-auth v4 JWT session (decode: dir + A256GCM)',
  staleFor: `until expiry (${NEXT_AUTH_MAX_AGE_SECONDS / 86400} days, next-auth's default maxAge)`,
  stateful: false,
  async start(context) {
    const secret = context.secret;
    return {
      me: async (request, response) => {
        const token = readCookie(request.headers.cookie ?? null, NEXT_AUTH_COOKIE);
        const payload = token ? await decode({ token, secret }).catch(() => null) : null;
        if (payload?.sub) answer(response, 200, { id: payload.sub });
        else signedOut(response);
      },
      login: async (_request, response, userId) => {
        const token = await encode({
          token: { sub: userId, ...claims(userId) },
          secret,
          maxAge: NEXT_AUTH_MAX_AGE_SECONDS,
        });
        response.setHeader('set-cookie', `${NEXT_AUTH_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`);
        answer(response, 204);
      },
      logout: async (_request, response) => {
        response.setHeader('set-cookie', expireCookie(NEXT_AUTH_COOKIE));
        answer(response, 204);
      },
      close: async () => {},
    };
  },
};

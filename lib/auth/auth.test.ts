import { describe, expect, it, vi } from 'vitest';
import { banUser, SYSTEM_ACTOR } from '@/lib/users';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { unreachableRedis } from '@/test/redis';
import { checkSession } from '@/lib/users';
import { getSessionStore } from '@/lib/session/store';
import { INVALID_CREDENTIALS_MESSAGE, login, logout, register, type AuthContext } from './auth';
import { createLoginLimiters, IP_FAILURE_FACTOR } from './login-limits';
import { loginSchema, registerSchema } from './schema';
import { failure, uniqueEmail } from '@/test/auth';

const context: AuthContext = { ip: null, deviceIp: '192.0.2.10', userAgent: 'vitest', previousToken: null };
const PASSWORD = 'correct horse battery';

async function registered(email = uniqueEmail()) {
  const result = await register(
    registerSchema.parse({ email, password: PASSWORD, name: 'Test User' }),
    context,
  );
  return { email, ...result };
}

describe('register', () => {
  it('creates a shopper with a hashed password and a live session', async () => {
    const email = uniqueEmail();
    const { token, user, session } = await registered(email.toUpperCase());
    expect(session).toMatchObject({ ip: '192.0.2.10', device: 'Unknown browser' });
    expect(user).toMatchObject({
      email,
      name: 'Test User',
      role: 'shopper',
      tier: 'standard',
      bannedAt: null,
    });
    const stored = await db.user.findUniqueOrThrow({ where: { email }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await checkSession(token)).current?.user.id).toBe(user.id);
  });

  it('refuses an email that is taken, whatever its case', async () => {
    const { email } = await registered();
    const input = registerSchema.parse({
      email: ` ${email.toUpperCase()} `,
      password: PASSWORD,
      name: 'Again',
    });
    const error = await failure(register(input, context));
    expect(error.code).toBe('email_taken');
    expect(error.status).toBe(409);
  });

  it('validates email, password length and name', () => {
    const result = registerSchema.safeParse({ email: 'not-an-email', password: 'short', name: '' });
    expect(result.success).toBe(false);
    expect(Object.keys(result.error?.flatten().fieldErrors ?? {}).sort()).toEqual([
      'email',
      'name',
      'password',
    ]);
    expect(
      registerSchema.safeParse({ email: 'a@b.example', password: 'x'.repeat(201), name: 'A' }).success,
    ).toBe(false);
    expect(
      registerSchema.safeParse({ email: 'a@b.example', password: 'kq8#Lm2v!Z', name: 'A' }).success,
    ).toBe(true);
  });
});

describe('login', () => {
  it('signs in with a new token, and revokes the token the browser held before (session fixation)', async () => {
    const { email, token: before } = await registered();
    const {
      token: after,
      user,
      session,
    } = await login(loginSchema.parse({ email, password: PASSWORD }), {
      ...context,
      previousToken: before,
    });
    expect(after).not.toBe(before);
    expect((await checkSession(before)).current).toBeNull();
    expect((await checkSession(after)).current?.user.id).toBe(user.id);
    // The password was just proved: step-up's clock starts at sign-in.
    expect(session.provedAt).toBe(session.createdAt);
  });

  it('keeps the browser signed in only when asked ("Keep me signed in"); registration keeps it', async () => {
    const { email, session: registeredSession } = await registered();
    expect(registeredSession.persistent).toBe(true);
    const plain = await login(loginSchema.parse({ email, password: PASSWORD }), context);
    const kept = await login(loginSchema.parse({ email, password: PASSWORD, remember: true }), context);
    expect(plain.session.persistent).toBe(false);
    expect(plain.session.idleExpiresAt - plain.session.lastSeenAt).toBe(
      env.SESSION_BROWSER_IDLE_SECONDS * 1000,
    );
    expect(kept.session.persistent).toBe(true);
    expect(kept.session.idleExpiresAt - kept.session.lastSeenAt).toBe(env.SESSION_IDLE_SECONDS * 1000);
    expect((await checkSession(plain.token)).current?.session.persistent).toBe(false);
    expect(loginSchema.safeParse({ email, password: PASSWORD, remember: 'yes' }).success).toBe(false);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const { email } = await registered();
    const wrong = await failure(login(loginSchema.parse({ email, password: 'wrong password!' }), context));
    const unknown = await failure(
      login(loginSchema.parse({ email: uniqueEmail(), password: PASSWORD }), context),
    );
    for (const error of [wrong, unknown]) {
      expect(error.code).toBe('invalid_credentials');
      expect(error.status).toBe(401);
      expect(error.message).toBe(INVALID_CREDENTIALS_MESSAGE);
    }
  });

  it(`locks an account after ${env.LOGIN_MAX_FAILURES} failures, even for the right password`, async () => {
    const { email } = await registered();
    for (let i = 0; i < env.LOGIN_MAX_FAILURES; i += 1) {
      expect((await failure(login({ email, password: `wrong-${i}` }, context))).code).toBe(
        'invalid_credentials',
      );
    }
    const error = await failure(login({ email, password: PASSWORD }, context));
    expect(error.code).toBe('rate_limited');
    expect(error.status).toBe(429);
    expect(Number(error.options.headers?.['Retry-After'])).toBeGreaterThan(0);
    expect(error.message).toMatch(/Too many failed sign-in attempts/);
  });

  it('gives a burst of parallel guesses no more tries than a sequence', async () => {
    const { email } = await registered();
    const errors = await Promise.all(
      Array.from({ length: env.LOGIN_MAX_FAILURES * 3 }, (_, i) =>
        failure(login({ email, password: `parallel-wrong-${i}` }, context)),
      ),
    );
    const codes = errors.map((error) => error.code);
    expect(codes.filter((code) => code === 'invalid_credentials')).toHaveLength(env.LOGIN_MAX_FAILURES);
    expect(codes.filter((code) => code === 'rate_limited')).toHaveLength(env.LOGIN_MAX_FAILURES * 2);
  });

  it('starts the count over after the right password', async () => {
    const { email } = await registered();
    for (let i = 0; i < env.LOGIN_MAX_FAILURES - 1; i += 1) {
      await failure(login({ email, password: `wrong-${i}` }, context));
    }
    await login({ email, password: PASSWORD }, context);
    for (let i = 0; i < env.LOGIN_MAX_FAILURES; i += 1) {
      expect((await failure(login({ email, password: `again-${i}` }, context))).code).toBe(
        'invalid_credentials',
      );
    }
  });

  it('limits one client IP trying many accounts, and leaves other IPs alone', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const attempts = env.LOGIN_MAX_FAILURES * IP_FAILURE_FACTOR;
    await Promise.all(
      Array.from({ length: attempts }, () =>
        failure(login({ email: uniqueEmail(), password: 'wrong password' }, { ...context, ip })),
      ),
    );
    const { email } = await registered();
    const error = await failure(login({ email, password: PASSWORD }, { ...context, ip }));
    expect(error.code).toBe('rate_limited');
    const elsewhere = await login({ email, password: PASSWORD }, { ...context, ip: '203.0.113.250' });
    expect(elsewhere.user.email).toBe(email);
  });

  it('refuses a banned account with 403 and the end of the ban, only after the right password', async () => {
    const { email, user } = await registered();
    const now = new Date();
    const until = new Date(now.getTime() + 86_400_000);
    await banUser(user.id, { reason: 'Chargebacks', durationSeconds: 86_400 }, SYSTEM_ACTOR, { now });
    expect((await failure(login({ email, password: 'wrong password' }, context))).code).toBe(
      'invalid_credentials',
    );
    const error = await failure(login({ email, password: PASSWORD }, context));
    expect(error.code).toBe('banned');
    expect(error.status).toBe(403);
    expect(error.options.details).toEqual({ until: until.toISOString() });
    expect(error.message).toMatch(/Reason: Chargebacks/);
  });

  it('lets a user in again once a timed ban has ended', async () => {
    const { email, user } = await registered();
    // Banned two hours ago for one hour.
    await banUser(user.id, { reason: 'Cool off', durationSeconds: 3600 }, SYSTEM_ACTOR, {
      now: new Date(Date.now() - 7_200_000),
    });
    expect((await login({ email, password: PASSWORD }, context)).user.id).toBe(user.id);
  });
});

describe('login without Redis', () => {
  it('fails closed: 503, not a sign-in, when the limiter cannot be reached', async () => {
    const { email } = await registered();
    const dead = unreachableRedis('tcp');
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const error = await failure(
        login({ email, password: PASSWORD }, context, { limiters: createLoginLimiters(dead) }),
      );
      expect(error.code).toBe('session_store_unavailable');
      expect(error.status).toBe(503);
      expect(error.message).toMatch(/temporarily unavailable/);
      expect(log).toHaveBeenCalledOnce();
    } finally {
      log.mockRestore();
      await dead.close();
    }
  });
});

describe('sessions after sign-in', () => {
  it('logout deletes the session at once', async () => {
    const { token } = await registered();
    await logout(token);
    expect((await checkSession(token)).current).toBeNull();
  });

  it('reloads a user record Redis lost from the database', async () => {
    const { token, user } = await registered();
    await getSessionStore().dropUser(user.id);
    expect((await checkSession(token)).current?.user).toEqual(user);
  });

  it('ends the live session of a user banned since sign-in', async () => {
    const { token, user } = await registered();
    await banUser(user.id, { reason: 'Spam', durationSeconds: null }, SYSTEM_ACTOR);
    expect((await checkSession(token)).current).toBeNull();
    expect(await getSessionStore().listUserSessions(user.id)).toEqual([]);
  });
});

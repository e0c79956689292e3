import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { createRateLimiter } from '@/lib/rate-limit';
import { createSlowdown } from '@/lib/rate-limit/slowdown';
import { getRedis } from '@/lib/redis';
import { testPrefix } from '@/test/redis';
import { login, register, type AuthContext } from './auth';
import { openDeviceCookie, sealDeviceCookie } from './device-cookie';
import { createLoginLimiters } from './login-limits';
import * as password from './password-hash';
import { registerSchema } from './schema';
import { failure, uniqueEmail } from '@/test/auth';

// Lockout abuse and registration abuse (issue: security hardening): nobody can lock the owner out of an account,
// and registration is limited per client or slowed down, never locked for everyone.

vi.mock('./password-hash', async (importOriginal) => {
  const original = await importOriginal<typeof import('./password-hash')>();
  return { ...original, hashPassword: vi.fn(original.hashPassword) };
});

const PASSWORD = 'correct horse battery';
const unknownBrowser: AuthContext = { ip: null, deviceIp: null, userAgent: 'vitest', previousToken: null };

async function newAccount() {
  const email = uniqueEmail();
  await register(registerSchema.parse({ email, password: PASSWORD, name: 'Owner' }), unknownBrowser);
  return email;
}

async function exhaustSharedBudget(email: string) {
  for (let i = 0; i < env.LOGIN_MAX_FAILURES; i += 1) {
    expect((await failure(login({ email, password: `guess-${i}` }, unknownBrowser))).code).toBe(
      'invalid_credentials',
    );
  }
}

describe('lockout abuse', () => {
  it("keeps the owner's browser in after a guesser exhausts the account's shared budget", async () => {
    const email = await newAccount();
    const ownersBrowser = {
      ...unknownBrowser,
      trustedDevice: openDeviceCookie(await sealDeviceCookie(email)),
    };
    await exhaustSharedBudget(email);

    const guesser = await failure(login({ email, password: PASSWORD }, unknownBrowser));
    expect(guesser.code).toBe('rate_limited');
    expect(guesser.message).toMatch(/browsers it has not signed in from.*Try again in \d+ minutes?\./);

    const owner = await login({ email, password: PASSWORD }, ownersBrowser);
    expect(owner.user.email).toBe(email);
  });

  it("gives a known browser a budget of its own, which the account's other browsers do not share", async () => {
    const email = await newAccount();
    const ownersBrowser = {
      ...unknownBrowser,
      trustedDevice: openDeviceCookie(await sealDeviceCookie(email)),
    };
    for (let i = 0; i < env.LOGIN_MAX_FAILURES; i += 1) {
      await failure(login({ email, password: `typo-${i}` }, ownersBrowser));
    }
    const locked = await failure(login({ email, password: PASSWORD }, ownersBrowser));
    expect(locked.message).toMatch(/from this browser/);
    expect((await login({ email, password: PASSWORD }, unknownBrowser)).user.email).toBe(email);
  });

  it('does not trust a device cookie made for another account, nor a tampered one', async () => {
    const email = await newAccount();
    const otherAccountsDevice = openDeviceCookie(await sealDeviceCookie(uniqueEmail()));
    await exhaustSharedBudget(email);
    expect(
      (
        await failure(
          login({ email, password: PASSWORD }, { ...unknownBrowser, trustedDevice: otherAccountsDevice }),
        )
      ).code,
    ).toBe('rate_limited');
    const sealed = await sealDeviceCookie(email);
    expect(openDeviceCookie(`${sealed.slice(0, -4)}AAAA`)).toBeNull();
    expect(openDeviceCookie('not a seal')).toBeNull();
  });

  it('slows a site-wide burst of failures down when no client IP can be trusted, and never refuses for it', async () => {
    const limiters = {
      ...createLoginLimiters(),
      failureBurst: createSlowdown({
        redis: getRedis(),
        prefix: testPrefix('login-burst'),
        name: 'login-failures',
        freeHits: 1,
        windowSeconds: 60,
        firstDelayMs: 1,
        maxDelayMs: 2,
      }),
    };
    const email = await newAccount();
    for (let i = 0; i < 3; i += 1) {
      expect(
        (await failure(login({ email: uniqueEmail(), password: 'nope nope' }, unknownBrowser, { limiters })))
          .code,
      ).toBe('invalid_credentials');
    }
    expect(await limiters.failureBurst.hit('all')).toEqual({ count: 4, delayMs: 2 });
    expect((await login({ email, password: PASSWORD }, unknownBrowser, { limiters })).user.email).toBe(email);
  });
});

describe('registration abuse', () => {
  // Each call gets counters of its own.
  const limits = (limit: number, prefix = testPrefix('registration')) => ({
    ip: createRateLimiter({ redis: getRedis(), prefix, name: 'register-ip', limit, windowSeconds: 3600 }),
    burst: createSlowdown({
      redis: getRedis(),
      prefix,
      name: 'register',
      freeHits: 1,
      windowSeconds: 60,
      firstDelayMs: 1,
      maxDelayMs: 2,
    }),
  });

  it("refuses common and weak passwords, and ones built from the account's own name or email", () => {
    for (const weak of ['password123', 'aaaaaaaaaaaa', 'qwertyuiop123', '1234567890']) {
      const result = registerSchema.safeParse({ email: uniqueEmail(), password: weak, name: 'Pat' });
      expect(result.success, weak).toBe(false);
      expect(result.error?.flatten().fieldErrors.password?.[0]).toMatch(/too easy to guess/);
    }
    const own = registerSchema.safeParse({
      email: 'margaret.hamilton@example.test',
      password: 'margarethamilton',
      name: 'Margaret Hamilton',
    });
    expect(own.success).toBe(false);
  });

  it('limits registrations per trusted client IP with 429 and Retry-After, and other IPs go on', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const fromIp = { ...unknownBrowser, ip };
    const options = { limits: limits(2) };
    const input = () => registerSchema.parse({ email: uniqueEmail(), password: PASSWORD, name: 'N' });
    await register(input(), fromIp, options);
    await register(input(), fromIp, options);
    const refused = input();
    const error = await failure(register(refused, fromIp, options));
    expect(error.code).toBe('rate_limited');
    expect(Number(error.options.headers?.['Retry-After'])).toBeGreaterThan(0);
    expect(await db.user.findUnique({ where: { email: refused.email } })).toBeNull();
    await register(input(), { ...fromIp, ip: '203.0.113.9' }, options);
  });

  it('slows a burst down when no client IP can be trusted, without refusing anyone', async () => {
    const options = { limits: limits(1) };
    for (let i = 0; i < 3; i += 1) {
      await register(
        registerSchema.parse({ email: uniqueEmail(), password: PASSWORD, name: 'B' }),
        unknownBrowser,
        options,
      );
    }
    expect((await options.limits.burst.hit('all')).count).toBe(4);
  });

  it('answers a taken email with 409 before spending argon2 on it', async () => {
    const email = await newAccount();
    const hashPassword = vi.mocked(password.hashPassword);
    hashPassword.mockClear();
    const error = await failure(
      register(registerSchema.parse({ email, password: PASSWORD, name: 'Again' }), unknownBrowser),
    );
    expect(error.code).toBe('email_taken');
    expect(error.status).toBe(409);
    expect(hashPassword).not.toHaveBeenCalled();
  });
});

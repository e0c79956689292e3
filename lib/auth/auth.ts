import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { isDatabaseRefusal } from '@/lib/db/errors';
import { AppError } from '@/lib/http/errors';
import { isRedisUnavailable } from '@/lib/redis';
import { createSession, revokeSession, type SessionRecord } from '@/lib/session';
import { rateLimitedError } from '@/lib/rate-limit';
import { wait } from '@/lib/rate-limit/slowdown';
import type { TrustedDevice } from './device-cookie';
import { sendVerificationEmail } from './email-verification';
import { recordSignIn } from '@/lib/users/sign-ins';
import { banMessage, isBanned, toUserAccess, USER_ACCESS_SELECT, type UserAccess } from '@/lib/access';
import { accountKey, createLoginLimiters, type LoginLimiters } from './login-limits';
import { hashPassword, verifyPassword } from './password-hash';
import { createRegistrationLimits, type RegistrationLimits } from './registration-limits';
import type { LoginInput, RegisterInput } from './schema';

export type AuthContext = {
  /** For per-client limits: the client IP (an IPv6 /64), null when it is not known (see lib/http/client-ip.ts). */
  ip: string | null;
  /** For the device list only. */
  deviceIp: string | null;
  userAgent: string | null;
  /** The token of the cookie the request arrived with, if any: it is revoked, never carried into the new sign-in. */
  previousToken: string | null;
  /** The account this browser has signed in to before (its device cookie), if any: see device-cookie.ts. */
  trustedDevice?: TrustedDevice | null;
  /** This browser's development mailbox (mailbox-cookie.ts), where mail it sends is kept for it alone, if on. */
  mailbox?: string | null;
};

export type AuthResult = { token: string; session: SessionRecord; user: UserAccess };

export const INVALID_CREDENTIALS_MESSAGE = 'Email or password is incorrect.';
const UNAVAILABLE_MESSAGE = 'Sign-in is temporarily unavailable. Please try again in a minute.';

// Verifying against this hash when the email is unknown makes a miss cost the same argon2 work as a wrong password,
// so response time does not tell a guesser which addresses have accounts. Computed once, at first import.
const dummyHash = hashPassword(randomBytes(24).toString('base64url'));

async function startSession(
  user: UserAccess,
  context: AuthContext,
  persistent: boolean,
): Promise<AuthResult> {
  // Session fixation: whatever token the browser held before is deleted, and the new session gets a fresh one.
  if (context.previousToken) await revokeSession(context.previousToken);
  const { token, session } = await createSession(user, {
    ip: context.deviceIp,
    userAgent: context.userAgent,
    persistent,
    proved: true,
  });
  await recordSignIn(user.id);
  return { token, session, user };
}

function emailTaken(): AppError {
  return new AppError('email_taken', 'An account with this email already exists. Sign in instead.', {
    fields: { email: ['An account with this email already exists.'] },
  });
}

type RegisterOptions = { limits?: RegistrationLimits };

/**
 * The input is already valid (schema: strength included). Cheap refusals come first, argon2 last: the limit, then a
 * taken email (409, behind the limit), and only then the hash.
 */
export async function register(
  input: RegisterInput,
  context: AuthContext,
  options: RegisterOptions = {},
): Promise<AuthResult> {
  const limits = options.limits ?? createRegistrationLimits();
  if (context.ip) {
    const byIp = await failClosed(() => limits.ip.consume(context.ip as string));
    if (byIp.limited) throw rateLimited(byIp.retryAfterSeconds, REGISTRATION_LIMITED);
  } else {
    await wait((await failClosed(() => limits.burst.hit('all'))).delayMs);
  }
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();

  const passwordHash = await hashPassword(input.password);
  let row;
  try {
    row = await db.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: USER_ACCESS_SELECT,
    });
  } catch (error) {
    // Two registrations of one address at once: the database's unique index decides.
    if (isDatabaseRefusal(error, 'unique')) throw emailTaken();
    throw error;
  }
  // The browser that registers the address signs in to it below: its mailbox may hold the account's mail.
  await sendVerificationEmail(row, context.mailbox);
  // Whoever just made an account on this browser is kept signed in on it, as before the choice existed at login.
  return startSession(toUserAccess(row), context, true);
}

/** Redis holds the failure counters; without it we cannot tell a guesser from a user, so sign-in is refused. */
export async function failClosed<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    console.error('Sign-in refused: the rate limiter or session store is unreachable.', error);
    const code = isRedisUnavailable(error) ? 'session_store_unavailable' : 'service_unavailable';
    throw new AppError(code, UNAVAILABLE_MESSAGE, { headers: { 'Retry-After': '30' } });
  }
}

const REGISTRATION_LIMITED = 'Too many new accounts from this network.';
const ACCOUNT_LIMITED =
  'Too many failed sign-in attempts for this account from browsers it has not signed in from. ' +
  'A browser you have signed in with before can still sign in now.';
const DEVICE_LIMITED = 'Too many failed sign-in attempts from this browser.';
const IP_LIMITED = 'Too many failed sign-in attempts from this network.';

export function rateLimited(retryAfterSeconds: number, what: string): AppError {
  return rateLimitedError(what, retryAfterSeconds);
}

function bannedError(user: UserAccess, reason: string | null): AppError {
  const until = user.bannedUntil === null ? undefined : new Date(user.bannedUntil).toISOString();
  return new AppError('banned', banMessage({ reason, until: user.bannedUntil }), {
    details: until ? { until } : {},
  });
}

type LoginOptions = { limiters?: LoginLimiters };

type CheckedLogin = { user: UserAccess; banReason: string | null };

/**
 * The password check with every sign-in limit around it: the account's (or this browser's) budget, the client's, and
 * the site-wide slowdown of failures. The storefront's login and the JWT lab's sign-in both go through it, so there
 * is no second, weaker door to guess passwords at. Answers the user, banned or not (each caller says what a ban
 * means to it), or throws rate_limited or invalid_credentials.
 */
export async function checkLogin(
  input: Pick<LoginInput, 'email' | 'password'>,
  context: Pick<AuthContext, 'ip' | 'trustedDevice'>,
  limiters: LoginLimiters = createLoginLimiters(),
): Promise<CheckedLogin> {
  const account = accountKey(input.email);
  // A browser that signed in to this account before spends its own budget; every other browser shares one.
  const device = context.trustedDevice?.account === account ? context.trustedDevice : null;
  const [ownLimiter, ownKey] = device ? [limiters.device, device.nonce] : [limiters.account, account];

  // The attempt is counted before the password is checked, atomically with the limit check, so a burst of
  // parallel guesses gets no more tries than a sequence would.
  const [byAccount, byIp] = await failClosed(() =>
    Promise.all([
      ownLimiter.consume(ownKey),
      context.ip ? limiters.ip.consume(context.ip) : Promise.resolve(null),
    ]),
  );
  if (byAccount.limited || byIp?.limited) {
    // Refused before the password was read: give back what the other counter counted.
    await failClosed(() =>
      Promise.all([
        byAccount.limited ? null : ownLimiter.refund(ownKey),
        byIp && !byIp.limited && context.ip ? limiters.ip.refund(context.ip) : null,
      ]),
    );
    if (byIp?.limited) throw rateLimited(byIp.retryAfterSeconds, IP_LIMITED);
    throw rateLimited(byAccount.retryAfterSeconds, device ? DEVICE_LIMITED : ACCOUNT_LIMITED);
  }

  const row = await db.user.findUnique({ where: { email: input.email }, omit: { passwordHash: false } });
  let valid = false;
  if (row) valid = await verifyPassword(row.passwordHash, input.password);
  else await verifyPassword(await dummyHash, input.password);
  if (!row || !valid) {
    // A failed attempt stays counted. Without a client IP to limit, a site-wide burst of failures slows down.
    if (!context.ip) await wait((await failClosed(() => limiters.failureBurst.hit('all'))).delayMs);
    throw new AppError('invalid_credentials', INVALID_CREDENTIALS_MESSAGE);
  }

  // The right password: this budget starts over, and this attempt is not held against the IP.
  await failClosed(() =>
    Promise.all([ownLimiter.reset(ownKey), context.ip ? limiters.ip.refund(context.ip) : null]),
  );
  return { user: toUserAccess(row), banReason: row.banReason };
}

export async function login(
  input: LoginInput,
  context: AuthContext,
  options: LoginOptions = {},
): Promise<AuthResult> {
  const { user, banReason } = await checkLogin(input, context, options.limiters);
  // Checked after the password, so a ban tells nothing to someone who does not hold the account's password.
  if (isBanned(user)) throw bannedError(user, banReason);
  return failClosed(() => startSession(user, context, input.remember ?? false));
}

/** Deletes the session in Redis at once: the token is worthless from the next request on, wherever it was copied. */
export async function logout(token: string | null): Promise<void> {
  // This browser's other tabs follow the session's stream (lib/users/live.ts): they hear that it ended.
  if (token) await revokeSession(token, { tellOtherTabs: true });
}

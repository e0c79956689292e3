import 'server-only';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password-hash';
import { toUserAccess, USER_ACCESS_SELECT } from '@/lib/access';
import { db } from '@/lib/db';
import { createRateLimiter, rateLimitedError, type RateLimiter } from '@/lib/rate-limit';
import { getRedis } from '@/lib/redis';
import { createSession, revokeSession } from '@/lib/session';
import { forgetUserSessions } from '@/lib/users';
import { encodeLabJwt } from './jwt';

// Throwaway accounts for readers of the lab: made on "try it", signed in all three ways at once, deleted after an
// hour. They are shoppers (the lab never changes a role, so the admin console stays shut) and are marked
// User.isLabUser, which checkout checks before placing an order.

export const LAB_USER_LIFETIME_MS = 60 * 60 * 1000;

/** Deletes lab users older than an hour, their sessions in Redis first. Returns how many went. */
export async function removeExpiredLabUsers(now = Date.now()): Promise<number> {
  const expired = await db.user.findMany({
    where: { isLabUser: true, createdAt: { lt: new Date(now - LAB_USER_LIFETIME_MS) } },
    select: { id: true },
  });
  for (const { id } of expired) {
    await forgetUserSessions(id);
  }
  const { count } = await db.user.deleteMany({
    where: { id: { in: expired.map((user) => user.id) }, isLabUser: true },
  });
  return count;
}

// Each "try it" writes a user: a client (IP; an IPv6 /64) gets a few per ten minutes, and the whole site a bounded
// number, so the table of lab users (each deleted after an hour) stays small however many addresses ask.
const LAB_USERS_PER_CLIENT = 20;
const LAB_USERS_SITE_WIDE = 200;
const LAB_USER_WINDOW_SECONDS = 600;

type LabUserLimits = { client: RateLimiter; site: RateLimiter };

function createLabUserLimits(redis = getRedis()): LabUserLimits {
  const windowSeconds = LAB_USER_WINDOW_SECONDS;
  return {
    client: createRateLimiter({ redis, name: 'lab-user', limit: LAB_USERS_PER_CLIENT, windowSeconds }),
    site: createRateLimiter({ redis, name: 'lab-user-site', limit: LAB_USERS_SITE_WIDE, windowSeconds }),
  };
}

/** Counts one new lab user against the client's budget (when the client is known) and the site's. */
async function spendLabUserBudget(ip: string | null, limits: LabUserLimits): Promise<void> {
  const [byClient, bySite] = await Promise.all([
    ip ? limits.client.consume(ip) : null,
    limits.site.consume('all'),
  ]);
  if (byClient?.limited) {
    if (!bySite.limited) await limits.site.refund('all');
    throw rateLimitedError('Many lab users were made from here just now.', byClient.retryAfterSeconds);
  }
  if (bySite.limited) {
    if (byClient && ip) await limits.client.refund(ip);
    throw rateLimitedError('Many lab users were made on this site just now.', bySite.retryAfterSeconds);
  }
}

type LabSignIn = { userId: string; sessionToken: string; jwt: string };

/**
 * A new lab user with a Redis session (the storefront's way) and a lab JWT (next-auth's cookie, made by the same
 * encode next-auth uses). The deny-list column reads that same JWT. `previousToken`, the storefront session the
 * browser held, is revoked: no session carries over into another account.
 */
export async function startLabUser(
  context: {
    previousToken: string | null;
    ip: string | null;
    deviceIp: string | null;
    userAgent: string | null;
  },
  options: { limits?: LabUserLimits } = {},
): Promise<LabSignIn> {
  await spendLabUserBudget(context.ip, options.limits ?? createLabUserLimits());
  await removeExpiredLabUsers(Date.now());
  const handle = randomBytes(6).toString('hex');
  const row = await db.user.create({
    data: {
      email: `lab-${handle}@lab.northwind.test`,
      name: `Lab visitor ${handle.slice(0, 4)}`,
      // Nobody signs in with it: the lab signs the user in itself.
      passwordHash: await hashPassword(randomBytes(24).toString('base64url')),
      isLabUser: true,
    },
    select: USER_ACCESS_SELECT,
  });
  const user = toUserAccess(row);
  if (context.previousToken) await revokeSession(context.previousToken);
  const { token } = await createSession(user, { ip: context.deviceIp, userAgent: context.userAgent });
  const jwt = await encodeLabJwt({
    sub: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    tier: user.tier,
    banned: false,
  });
  return { userId: user.id, sessionToken: token, jwt };
}

/** Whether a user is a throwaway lab account. Checkout refuses to place an order for one. */
export async function isLabUser(userId: string): Promise<boolean> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { isLabUser: true } });
  return row?.isLabUser ?? false;
}

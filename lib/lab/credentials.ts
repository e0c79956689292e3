import 'server-only';
import { randomBytes } from 'node:crypto';
import { accountKey, createLoginLimiters } from '@/lib/auth/login-limits';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { loginSchema } from '@/lib/auth/schema';
import { db } from '@/lib/db';
import { isBanned, toSessionUser } from '@/lib/session';

// The lab's Credentials check: the storefront's users and passwords, under the same per-account failure limit as the
// storefront's login, so the lab is no side door for guessing. A banned user gets no token.

const dummyHash = hashPassword(randomBytes(24).toString('base64url'));

export type LabUser = {
  id: string;
  email: string;
  name: string;
  role: 'shopper' | 'admin';
  tier: 'standard' | 'premium';
  banned: boolean;
};

export async function verifyCredentials(input: Record<string, unknown>): Promise<LabUser | null> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const limiter = createLoginLimiters().account;
  const account = accountKey(email);
  if ((await limiter.consume(account)).limited) return null;
  const row = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const valid = row
    ? await verifyPassword(row.passwordHash, password)
    : await verifyPassword(await dummyHash, password);
  if (!row || !valid) return null;
  await limiter.reset(account);
  if (isBanned(toSessionUser(row))) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, tier: row.tier, banned: false };
}

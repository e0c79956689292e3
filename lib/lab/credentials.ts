import 'server-only';
import { checkLogin } from '@/lib/auth/auth';
import { clientIp } from '@/lib/http/client-ip';
import type { LoginLimiters } from '@/lib/auth/login-limits';
import { loginSchema } from '@/lib/auth/schema';
import { AppError } from '@/lib/http/errors';
import { isBanned } from '@/lib/access';

// The lab's Credentials check: "sign in to the lab with your own account" takes the storefront's users and
// passwords, so it goes through the storefront's own check (lib/auth checkLogin): the same per-account, per-client
// and site-wide limits, spent from the same budgets. Lab accounts only would not do: their passwords are random and
// nobody knows them. A banned user gets no token.

type LabUser = {
  id: string;
  email: string;
  name: string;
  role: 'shopper' | 'admin';
  tier: 'standard' | 'premium';
  banned: boolean;
};

/** next-auth hands authorize() the request's headers as a plain object. */
type PlainHeaders = Record<string, unknown>;

function toHeaders(plain: PlainHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(plain)) if (typeof value === 'string') headers.set(name, value);
  return headers;
}

/**
 * The user for a right password, null for a wrong one or a banned account. A refusal by a limit throws: next-auth
 * then answers 401 with the limit's message instead of its generic one.
 */
export async function verifyCredentials(
  input: Record<string, unknown>,
  headers: PlainHeaders,
  limiters?: LoginLimiters,
): Promise<LabUser | null> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return null;
  let user;
  try {
    ({ user } = await checkLogin(parsed.data, { ip: clientIp(toHeaders(headers)) }, limiters));
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_credentials') return null;
    throw error;
  }
  if (isBanned(user)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, tier: user.tier, banned: false };
}

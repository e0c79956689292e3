import { randomBytes } from 'node:crypto';
import type { UserAccess } from '@/lib/access';

/** A user record for session-store tests, with a fresh id; nothing in the database. */
export function makeSessionUser(overrides: Partial<UserAccess> = {}): UserAccess {
  const id = `user-${randomBytes(6).toString('hex')}`;
  return {
    id,
    email: `${id}@example.test`,
    name: 'Test Shopper',
    role: 'shopper',
    tier: 'standard',
    bannedAt: null,
    bannedUntil: null,
    version: 1,
    ...overrides,
  };
}

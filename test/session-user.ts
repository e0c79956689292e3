import { randomBytes } from 'node:crypto';
import type { SessionUser } from '@/lib/session/store';

/** A user record for session-store tests, with a fresh id; nothing in the database. */
export function makeSessionUser(overrides: Partial<SessionUser> = {}): SessionUser {
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

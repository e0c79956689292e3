import type { z } from 'zod';
import type { adminUserSchema, UserStatus } from './schema';
import { isBanned, USER_ACCESS_SELECT, type UserAccessRow } from '@/lib/access';

// A user as the admin console shows it (API and pages): dates as ISO strings, the status computed.

export const USER_DETAIL_SELECT = { ...USER_ACCESS_SELECT, banReason: true, createdAt: true } as const;

export type UserDetailRow = UserAccessRow & { banReason: string | null; createdAt: Date };

export type AdminUser = z.infer<typeof adminUserSchema>;

export function userStatus(
  row: Pick<UserAccessRow, 'bannedAt' | 'bannedUntil'>,
  now = new Date(),
): UserStatus {
  const ban = { bannedAt: row.bannedAt?.getTime() ?? null, bannedUntil: row.bannedUntil?.getTime() ?? null };
  return isBanned(ban, now.getTime()) ? 'banned' : 'active';
}

export function toAdminUser(row: UserDetailRow, now = new Date()): AdminUser {
  const status = userStatus(row, now);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tier: row.tier,
    status,
    // A ban that ran out is history, not state.
    banReason: status === 'banned' ? row.banReason : null,
    bannedAt: status === 'banned' ? (row.bannedAt?.toISOString() ?? null) : null,
    bannedUntil: status === 'banned' ? (row.bannedUntil?.toISOString() ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  };
}

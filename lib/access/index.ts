// What a user may do, as every floor sees it: role, tier and ban state. No 'server-only': the types and isBanned are
// shared with client code. The ground floor of lib/: session and the domains import it, it imports nothing of theirs.

export type Role = 'shopper' | 'admin';
export type Tier = 'standard' | 'premium';

export const ROLES = ['shopper', 'admin'] as const satisfies readonly Role[];
export const TIERS = ['standard', 'premium'] as const satisfies readonly Tier[];

/**
 * The access record every session check reads from Redis (`user:<id>`). Times are epoch ms. Banned when bannedAt is
 * set and bannedUntil is null or later than now. `version` is the row's accessVersion: a write of an older copy
 * never replaces a newer one.
 */
export type UserAccess = {
  id: string;
  email: string;
  name: string;
  role: Role;
  tier: Tier;
  bannedAt: number | null;
  bannedUntil: number | null;
  version: number;
};

/** The one select of the columns behind UserAccess. */
export const USER_ACCESS_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  tier: true,
  bannedAt: true,
  bannedUntil: true,
  accessVersion: true,
} as const;

export type UserAccessRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  tier: Tier;
  bannedAt: Date | null;
  bannedUntil: Date | null;
  accessVersion: number;
};

export function toUserAccess(row: UserAccessRow): UserAccess {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tier: row.tier,
    bannedAt: row.bannedAt?.getTime() ?? null,
    bannedUntil: row.bannedUntil?.getTime() ?? null,
    version: row.accessVersion,
  };
}

export function isBanned(user: Pick<UserAccess, 'bannedAt' | 'bannedUntil'>, now = Date.now()): boolean {
  return user.bannedAt !== null && (user.bannedUntil === null || user.bannedUntil > now);
}

/** How long a ban notice should outlive a revoked session's token: until the ban ends (the store caps it). */
export function banNoticeMs(user: Pick<UserAccess, 'bannedUntil'>, now = Date.now()): number {
  return user.bannedUntil === null ? Number.MAX_SAFE_INTEGER : Math.max(1, user.bannedUntil - now);
}

/** What a banned user is told, by login, the API and /banned alike. */
export function banMessage(ban: { reason: string | null; until: number | null }): string {
  const until =
    ban.until === null
      ? 'This account has been suspended.'
      : `This account is suspended until ${new Date(ban.until).toISOString().slice(0, 16).replace('T', ' ')} UTC.`;
  return ban.reason ? `${until} Reason: ${ban.reason}` : until;
}

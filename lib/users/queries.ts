import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/http/errors';
import { getSessionStore, type SessionRecord } from '@/lib/session/store';
import type { z } from 'zod';
import {
  userIdParamsSchema,
  type AuditAction,
  type auditEntrySchema,
  type AuditQuery,
  type ListUsersQuery,
  type userListItemSchema,
  type UserStatus,
} from './schema';
import { toAdminUser, USER_DETAIL_SELECT, type AdminUser } from './view';

// What the admin console reads: users with their live session counts, one user with its sessions, the audit log.

export const AUDIT_PAGE_SIZE = 25;

function bannedWhere(now: Date): Prisma.UserWhereInput {
  return { bannedAt: { not: null }, OR: [{ bannedUntil: null }, { bannedUntil: { gt: now } }] };
}

function statusWhere(status: UserStatus | undefined, now: Date): Prisma.UserWhereInput {
  if (status === 'banned') return bannedWhere(now);
  if (status === 'active') return { NOT: bannedWhere(now) };
  return {};
}

export type UserListItem = z.infer<typeof userListItemSchema>;

export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

export async function listUsers(query: ListUsersQuery, now = new Date()): Promise<Page<UserListItem>> {
  const where: Prisma.UserWhereInput = {
    AND: [
      query.q
        ? {
            OR: [
              { email: { contains: query.q, mode: 'insensitive' } },
              { name: { contains: query.q, mode: 'insensitive' } },
            ],
          }
        : {},
      query.role ? { role: query.role } : {},
      query.tier ? { tier: query.tier } : {},
      statusWhere(query.status, now),
    ],
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      select: USER_DETAIL_SELECT,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  const store = getSessionStore();
  // One script per row; on TCP the client pipelines them into one write.
  const sessions = await Promise.all(rows.map((row) => store.listUserSessions(row.id)));
  const items = rows.map((row, i) => {
    const user = toAdminUser(row, now);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      tier: user.tier,
      status: user.status,
      bannedUntil: user.bannedUntil,
      activeSessions: sessions[i]?.length ?? 0,
    };
  });
  return { items, page: query.page, pageSize: query.pageSize, total };
}

export async function getAdminUser(userId: string, now = new Date()): Promise<AdminUser> {
  const row = await db.user.findUnique({ where: { id: userId }, select: USER_DETAIL_SELECT });
  if (!row) throw new AppError('not_found', 'No such user.');
  return toAdminUser(row, now);
}

/** The user's live sessions, most recently seen first. 404 for an unknown user. */
export async function listSessionsOfUser(userId: string): Promise<SessionRecord[]> {
  const exists = await db.user.count({ where: { id: userId } });
  if (!exists) throw new AppError('not_found', 'No such user.');
  return getSessionStore().listUserSessions(userId);
}

/** Live sessions across all users (the admin dashboard). */
export async function countLiveSessions(): Promise<number> {
  return getSessionStore().countSessions();
}

export type AuditEntry = z.infer<typeof auditEntrySchema>;

type AuditData = {
  target?: { id: string; email: string };
  reason?: string | null;
  before?: unknown;
  after?: unknown;
};

function personWhere(text: string): Prisma.UserWhereInput {
  return { OR: [{ id: text }, { email: { contains: text, mode: 'insensitive' } }] };
}

/** Newest first. `actor` and `target` match a user id or part of an email. */
export async function listAudit(
  query: Partial<AuditQuery> & { page: number; targetId?: string },
): Promise<Page<AuditEntry>> {
  const where: Prisma.AuditLogWhereInput = {
    AND: [
      query.actor ? { actor: personWhere(query.actor) } : {},
      query.target ? { targetUser: personWhere(query.target) } : {},
      query.targetId ? { targetUserId: query.targetId } : {},
      query.action ? { action: query.action } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      include: {
        actor: { select: { id: true, email: true } },
        targetUser: { select: { id: true, email: true } },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
  ]);
  const items = rows.map((row): AuditEntry => {
    const data = (row.data ?? {}) as AuditData;
    // A deleted target keeps its email in the row; its id is gone with it.
    const target = row.targetUser ?? (data.target ? { id: null, email: data.target.email } : null);
    return {
      id: row.id,
      actor: row.actor,
      target,
      action: row.action as AuditAction,
      reason: data.reason ?? null,
      before: data.before ?? null,
      after: data.after ?? null,
      ip: row.ip,
      createdAt: row.createdAt.toISOString(),
    };
  });
  return { items, page: query.page, pageSize: AUDIT_PAGE_SIZE, total };
}

/** Whether a user with this id exists; a malformed id is none. */
export async function userExists(userId: string): Promise<boolean> {
  const parsed = userIdParamsSchema.safeParse({ id: userId });
  return parsed.success && (await db.user.count({ where: { id: parsed.data.id } })) > 0;
}

import { z } from 'zod';
import { pageSchema } from '@/lib/http/page';
import { publicUserSchema } from '@/lib/access/public-user';
import { deviceSessionSchema } from '@/lib/session/schema';
import { ROLES, TIERS } from '@/lib/access';

// Inputs of the admin console, shared by the JSON API and the pages' forms.

export const userIdParamsSchema = z.object({
  id: z.string().regex(/^[a-z0-9]{20,40}$/, 'Not a user id.'),
});

const TEN_YEARS_SECONDS = 10 * 365 * 24 * 3600;

export const banSchema = z.object({
  reason: z.string().trim().min(1, 'Give a reason.').max(500, 'At most 500 characters.'),
  durationSeconds: z
    .number()
    .int('Whole seconds.')
    .positive('Must be positive.')
    .max(TEN_YEARS_SECONDS, 'At most ten years; use null for a permanent ban.')
    .nullable(),
});
export type BanInput = z.infer<typeof banSchema>;

export const updateUserSchema = z
  .object({ tier: z.enum(TIERS).optional(), role: z.enum(ROLES).optional() })
  .strict()
  .refine((input) => input.tier !== undefined || input.role !== undefined, {
    message: 'Give a tier or a role.',
    path: ['_'],
  });

const page = z.coerce.number().int().min(1).max(10_000).default(1);
const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => value || undefined);

const USER_STATUSES = ['active', 'banned'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const listUsersQuerySchema = z.object({
  q: optionalText,
  role: z.enum(ROLES).optional(),
  tier: z.enum(TIERS).optional(),
  status: z.enum(USER_STATUSES).optional(),
  page,
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const AUDIT_ACTIONS = [
  'user.ban',
  'user.unban',
  'user.set_tier',
  'user.set_role',
  'user.delete',
  'user.revoke_sessions',
  'session.revoke',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditQuerySchema = z.object({
  actor: optionalText,
  target: optionalText,
  action: z.enum(AUDIT_ACTIONS).optional(),
  page,
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

// What the admin API answers; lib/users' view types are these schemas' output.

const isoTime = z.iso.datetime();

export const adminUserSchema = publicUserSchema
  .extend({
    status: z.enum(USER_STATUSES),
    banReason: z.string().nullable(),
    bannedAt: isoTime.nullable(),
    bannedUntil: isoTime.nullable(),
    createdAt: isoTime,
  })
  .meta({ id: 'AdminUser' });

export const adminUserBodySchema = z.object({ user: adminUserSchema });

export const adminUserDetailSchema = z.object({
  user: adminUserSchema,
  sessions: z.array(deviceSessionSchema),
});

export const userListItemSchema = adminUserSchema
  .pick({ id: true, email: true, name: true, role: true, tier: true, status: true, bannedUntil: true })
  .extend({ activeSessions: z.number().int().nonnegative() });

export const auditEntrySchema = z.object({
  id: z.string(),
  actor: z.object({ id: z.string(), email: z.string() }).nullable(),
  target: z.object({ id: z.string().nullable(), email: z.string() }).nullable(),
  action: z.enum(AUDIT_ACTIONS),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  createdAt: isoTime,
});

export const userListPageSchema = pageSchema(userListItemSchema);
export const auditPageSchema = pageSchema(auditEntrySchema);

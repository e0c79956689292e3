import { z } from 'zod';
import { ROLES, TIERS, type UserAccess } from './index';

// The user as the API shows it (GET /api/me, GET /api/session, a sign-in's answer): no ban internals, no timestamps.

export const publicUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    tier: z.enum(TIERS),
  })
  .meta({ id: 'PublicUser' });

export type PublicUser = z.infer<typeof publicUserSchema>;

export function toPublicUser(user: UserAccess): PublicUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, tier: user.tier };
}

import { z } from 'zod';
import { ROLES, TIERS } from '@/lib/access';
import { publicUserSchema } from '@/lib/access/public-user';

// What the session and account APIs answer, shared by the route handlers' types and the API document.

/** A session's public id: its user's id, a dot, 22 random characters (lib/session/keys.ts). */
export const SESSION_ID_PATTERN = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{22})$/;

/** GET /api/me, and the answer of a sign-in or registration. */
export const signedInBodySchema = z.object({ user: publicUserSchema });

export const deviceSessionSchema = z
  .object({
    id: z.string(),
    /** The session of the request that asked. */
    current: z.boolean(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    ip: z.string().nullable(),
    /** What the device is, from its User-Agent when it signed in, e.g. "Firefox 133 on Windows". */
    device: z.string().nullable(),
  })
  .meta({ id: 'DeviceSession' });

export const deviceSessionListSchema = z.object({ sessions: z.array(deviceSessionSchema) });

/** An open tab's active session: what GET /api/account/state answers and each open-tab event says. */
export const activeLiveStateSchema = z.object({
  status: z.literal('active'),
  role: z.enum(ROLES),
  tier: z.enum(TIERS),
  version: z.number().int(),
});

/** Where Redis has no pub/sub, GET /api/account/events answers this instead of a stream. */
export const pollInsteadSchema = z.object({ poll: z.string(), intervalMs: z.number().int().positive() });

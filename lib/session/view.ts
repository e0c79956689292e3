import type { z } from 'zod';
import type { deviceSessionSchema } from './schema';
import type { SessionRecord } from './store';

/** A session as the JSON API shows it (the user's own devices, and an admin's view of a user's). */
export function sessionJson(session: SessionRecord, current: boolean): SessionJson {
  return {
    id: session.id,
    current,
    createdAt: new Date(session.createdAt).toISOString(),
    lastSeenAt: new Date(session.lastSeenAt).toISOString(),
    ip: session.ip,
    device: session.device,
  };
}

export type SessionJson = z.infer<typeof deviceSessionSchema>;

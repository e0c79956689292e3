import type { SessionRecord } from './store';

/** A session as the JSON API shows it (the user's own devices, and an admin's view of a user's). */
export function sessionJson(session: SessionRecord, current: boolean) {
  return {
    id: session.id,
    current,
    createdAt: new Date(session.createdAt).toISOString(),
    lastSeenAt: new Date(session.lastSeenAt).toISOString(),
    ip: session.ip,
    userAgent: session.userAgent,
  };
}

export type SessionJson = ReturnType<typeof sessionJson>;

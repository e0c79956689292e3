import type { z } from 'zod';
import type { SessionState } from './index';
import type { deviceSessionSchema } from './schema';
import type { SessionRecord, SessionUser } from './store';

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

/** What an open tab needs to know about its session: /api/account/state and each open-tab event. */
export type LiveState =
  | { status: 'active'; role: SessionUser['role']; tier: SessionUser['tier']; version: number }
  | { status: 'banned' }
  /** reason 'revoked': another device or an admin ended it (the stream says so; a poll cannot tell). */
  | { status: 'signed-out'; reason?: 'revoked' };

export function liveState(state: Pick<SessionState, 'current' | 'banned'>): LiveState {
  if (state.current) {
    const { role, tier, version } = state.current.user;
    return { status: 'active', role, tier, version };
  }
  return state.banned ? { status: 'banned' } : { status: 'signed-out' };
}

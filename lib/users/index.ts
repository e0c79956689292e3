import 'server-only';

// Users: their admin view, and the one function per change. Nothing else writes role, tier or ban
// state (docs/sessions.md#who-changes-a-user).

export {
  banUser,
  deleteUser,
  forgetUserSessions,
  revokeAllSessions,
  revokeSessionAsAdmin,
  setUserRole,
  setUserTier,
  SYSTEM_ACTOR,
  unbanUser,
  type Actor,
} from './changes';
export type { AdminUser } from './view';
export {
  countLiveSessions,
  getAdminUser,
  listAudit,
  listSessionsOfUser,
  listUsers,
  userExists,
  type AuditEntry,
  type Page,
} from './queries';
export { actorOf } from './actor';
export { checkSession } from './session-check';
export { openLiveStream, POLL_INTERVAL_MS, requireLiveState, type LiveState } from './live';

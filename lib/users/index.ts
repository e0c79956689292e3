import 'server-only';

// Users: their admin view, and the one function per change. Nothing else writes role, tier or ban
// state (README: "Who changes a user").

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
  type ChangeOptions,
} from './changes';
export { toAdminUser, userStatus, type AdminUser } from './view';
export {
  AUDIT_PAGE_SIZE,
  countLiveSessions,
  getAdminUser,
  listAudit,
  listSessionsOfUser,
  listUsers,
  userExists,
  type AuditEntry,
  type Page,
  type UserListItem,
} from './queries';
export { actorOf } from './actor';
export { checkSession } from './session-check';
export { openLiveStream, POLL_INTERVAL_MS, requireLiveState, type LiveState } from './live';

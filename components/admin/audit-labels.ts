import type { AuditAction } from '@/lib/users/schema';

/** What each audit action is called wherever an admin reads it (the log and its filter): one style, past tense. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'user.ban': 'Banned user',
  'user.unban': 'Unbanned user',
  'user.set_tier': 'Changed tier',
  'user.set_role': 'Changed role',
  'user.delete': 'Deleted user',
  'user.revoke_sessions': 'Signed out all sessions',
  'session.revoke': 'Revoked a session',
};

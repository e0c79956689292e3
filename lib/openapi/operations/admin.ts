import { sessionIdParamsSchema } from '@/lib/auth/schema';
import { deviceSessionListSchema } from '@/lib/session/schema';
import {
  adminUserBodySchema,
  adminUserDetailSchema,
  auditPageSchema,
  auditQuerySchema,
  banSchema,
  listUsersQuerySchema,
  updateUserSchema,
  userIdParamsSchema,
  userListPageSchema,
} from '@/lib/users/schema';
import type { Operation } from '../types';

// The admin's users, their sessions and the audit log.

const ADMIN_USER = 'The user does not exist.';

export const ADMIN_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/admin/users',
    tag: 'Admin',
    summary: 'Search users',
    access: 'admin',
    query: listUsersQuerySchema,
    success: { status: 200, description: 'One page of users.', schema: userListPageSchema },
  },
  {
    method: 'get',
    path: '/api/admin/users/{id}',
    tag: 'Admin',
    summary: 'One user with their sessions',
    access: 'admin',
    params: userIdParamsSchema,
    success: { status: 200, description: 'The user and their live sessions.', schema: adminUserDetailSchema },
    errors: { 404: ADMIN_USER },
  },
  {
    method: 'patch',
    path: '/api/admin/users/{id}',
    tag: 'Admin',
    summary: "Change a user's tier or role",
    access: 'admin',
    params: userIdParamsSchema,
    body: updateUserSchema,
    success: { status: 200, description: 'The user after the change.', schema: adminUserBodySchema },
    errors: {
      403: 'Demoting yourself, a non-admin caller, or a request from another site.',
      404: ADMIN_USER,
      409: 'The last active admin cannot be demoted.',
    },
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/ban',
    tag: 'Admin',
    summary: 'Ban a user (every session revoked at once)',
    access: 'admin',
    params: userIdParamsSchema,
    body: banSchema,
    success: { status: 200, description: 'The banned user.', schema: adminUserBodySchema },
    errors: {
      403: 'Banning yourself, a non-admin caller, or a request from another site.',
      404: ADMIN_USER,
      409: 'The last active admin cannot be banned.',
    },
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/unban',
    tag: 'Admin',
    summary: 'Lift a ban',
    access: 'admin',
    params: userIdParamsSchema,
    success: { status: 200, description: 'The user.', schema: adminUserBodySchema },
    errors: { 404: ADMIN_USER },
  },
  {
    method: 'get',
    path: '/api/admin/users/{id}/sessions',
    tag: 'Admin',
    summary: "A user's live sessions",
    access: 'admin',
    params: userIdParamsSchema,
    success: { status: 200, description: 'The sessions.', schema: deviceSessionListSchema },
    errors: { 404: ADMIN_USER },
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/revoke-sessions',
    tag: 'Admin',
    summary: 'Sign a user out everywhere',
    access: 'admin',
    params: userIdParamsSchema,
    success: { status: 204, description: 'Every session of the user is revoked.' },
    errors: { 404: ADMIN_USER },
  },
  {
    method: 'delete',
    path: '/api/admin/sessions/{id}',
    tag: 'Admin',
    summary: 'Revoke one session of any user',
    access: 'admin',
    params: sessionIdParamsSchema,
    success: { status: 204, description: 'Revoked.' },
    errors: { 404: 'No such session.' },
  },
  {
    method: 'get',
    path: '/api/admin/audit',
    tag: 'Admin',
    summary: 'The audit log, newest first',
    access: 'admin',
    query: auditQuerySchema,
    success: { status: 200, description: 'One page of audit entries.', schema: auditPageSchema },
  },
];

'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { sessionIdParamsSchema } from '@/lib/auth/schema';
import { requireAdmin } from '@/lib/auth/gate';
import { actionFailure, formText } from '@/lib/http/action-state';
import type { FieldErrors } from '@/lib/http/errors';
import {
  actorOf,
  banUser,
  deleteUser,
  revokeAllSessions,
  revokeSessionAsAdmin,
  setUserRole,
  setUserTier,
  unbanUser,
  type Actor,
} from '@/lib/users';
import { banSchema, userIdParamsSchema } from '@/lib/users/schema';
import { ROLES, TIERS } from '@/lib/access';

// The admin console's forms. Server actions are public endpoints: each calls the gate itself, parses its input
// with the API's schemas and calls one lib/users function; Next refuses cross-origin action posts.

export type AdminActionState = { status: 'idle' | 'done' | 'failed'; message?: string; fields?: FieldErrors };

// An absent field reads as empty, as the forms always send their fields.
function text(formData: FormData, key: string): string {
  return formText(formData, key) ?? '';
}

async function act(
  userId: string,
  change: (id: string, actor: Actor) => Promise<unknown>,
  done: string,
): Promise<AdminActionState> {
  const current = await requireAdmin(`/admin/users/${userId}`);
  try {
    const { id } = userIdParamsSchema.parse({ id: userId });
    await change(id, actorOf(current, await headers()));
  } catch (error) {
    const { message, errors } = actionFailure(error);
    return { status: 'failed', message, ...(errors ? { fields: errors } : {}) };
  }
  revalidatePath(`/admin/users/${userId}`);
  return { status: 'done', message: done };
}

export async function banAction(userId: string, _state: AdminActionState, formData: FormData) {
  return act(
    userId,
    (id, actor) => {
      const duration = text(formData, 'duration');
      const input = banSchema.parse({
        reason: text(formData, 'reason'),
        durationSeconds: duration === 'permanent' ? null : Number(duration),
      });
      return banUser(id, input, actor);
    },
    'Banned. Every session of this user has ended.',
  );
}

export async function unbanAction(userId: string) {
  return act(userId, (id, actor) => unbanUser(id, actor), 'Ban lifted.');
}

export async function setTierAction(userId: string, _state: AdminActionState, formData: FormData) {
  return act(
    userId,
    (id, actor) =>
      setUserTier(id, z.object({ tier: z.enum(TIERS) }).parse({ tier: text(formData, 'tier') }).tier, actor),
    'Tier saved.',
  );
}

export async function setRoleAction(userId: string, _state: AdminActionState, formData: FormData) {
  return act(
    userId,
    (id, actor) =>
      setUserRole(id, z.object({ role: z.enum(ROLES) }).parse({ role: text(formData, 'role') }).role, actor),
    'Role saved.',
  );
}

export async function revokeAllAction(userId: string) {
  return act(userId, (id, actor) => revokeAllSessions(id, actor), 'Signed out everywhere.');
}

export async function revokeUserSessionAction(userId: string, _state: AdminActionState, formData: FormData) {
  return act(
    userId,
    (_id, actor) =>
      revokeSessionAsAdmin(sessionIdParamsSchema.parse({ id: text(formData, 'sessionId') }).id, actor),
    'Session revoked.',
  );
}

export async function deleteAction(userId: string) {
  const state = await act(userId, (id, actor) => deleteUser(id, actor), 'Deleted.');
  if (state.status !== 'done') return state;
  redirect('/admin/users');
}

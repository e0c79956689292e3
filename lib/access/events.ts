import { z } from 'zod';

// The user-event wire format: what a change of a user publishes on the user-events channel (lib/users/events.ts
// delivers them to open tabs). Here, below session and users, because both publish them.

// 'revoked': ended from another device or by an admin; 'signed-out': a sign-out in the session's own browser.
const USER_EVENT_KINDS = ['banned', 'revoked', 'signed-out', 'changed', 'deleted'] as const;
export type UserEventKind = (typeof USER_EVENT_KINDS)[number];

// Besides the changes: which of the user's event streams a newer one closed (lib/users/live-streams.ts), on
// whichever instance holds them.
const userEventSchema = z.discriminatedUnion('kind', [
  z.object({ userId: z.string().min(1), kind: z.enum(USER_EVENT_KINDS) }),
  z.object({ userId: z.string().min(1), kind: z.literal('streams-closed'), streams: z.array(z.string()) }),
]);

export type UserEvent = z.infer<typeof userEventSchema>;

export function userEventMessage(event: { userId: string; kind: UserEventKind }): string {
  return JSON.stringify(event);
}

export function parseUserEvent(message: string): UserEvent | null {
  try {
    const parsed = userEventSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

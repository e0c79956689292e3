import { z } from 'zod';

// What each of the lab's three APIs answers: the same shape, so the page can lay them side by side.

export const labAnswerSchema = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      role: z.string(),
      tier: z.string(),
      banned: z.boolean(),
    }),
    issuedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    /** Redis round trips this answer cost. */
    redisLookups: z.number().int().nonnegative(),
  })
  .meta({ id: 'LabAnswer' });

export type LabAnswer = z.infer<typeof labAnswerSchema>;

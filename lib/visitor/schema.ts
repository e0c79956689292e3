import { z } from 'zod';
import { publicUserSchema } from '@/lib/access/public-user';

/** GET /api/session: the visitor (null when signed out) and the units in their cart. */
export const visitorBodySchema = z.object({
  user: publicUserSchema.nullable(),
  cartCount: z.number().int().nonnegative(),
});

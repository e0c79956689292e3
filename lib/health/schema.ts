import { z } from 'zod';

// GET /api/health's answer: 200 when both services are up, 503 otherwise, with the same body.

const serviceState = z.enum(['up', 'down']);

export const healthSchema = z.object({ ok: z.boolean(), db: serviceState, redis: serviceState });

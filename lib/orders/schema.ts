import { z } from 'zod';
import { cardSchema } from '@/lib/payments/schema';

// Checkout and order input, shared by the checkout form and the API.

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `Use at most ${max} characters.`);

export const shippingAddressSchema = z.object({
  name: text('the name of the recipient', 100),
  line1: text('the street address', 200),
  line2: z.string().trim().max(200, 'Use at most 200 characters.').optional(),
  city: text('the city', 100),
  postalCode: z
    .string({ error: 'Enter the postal code.' })
    .trim()
    .min(2, 'Enter the postal code.')
    .max(12, 'Use at most 12 characters.')
    .regex(/^[A-Za-z0-9 -]+$/, 'Use letters, digits, spaces and dashes.'),
  country: text('the country', 60),
});

export type ShippingAddress = z.infer<typeof shippingAddressSchema>;

export const checkoutSchema = z.object({ shippingAddress: shippingAddressSchema, card: cardSchema });

export type CheckoutInput = z.output<typeof checkoutSchema>;

/** One per checkout attempt, made by the page; the same key always means the same order. */
export const idempotencyKeySchema = z
  .string({ error: 'Send an Idempotency-Key header: one random value per checkout attempt.' })
  .regex(/^[A-Za-z0-9_-]{8,100}$/, 'The Idempotency-Key must be 8 to 100 letters, digits, _ or -.');

export const orderListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

export const orderIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

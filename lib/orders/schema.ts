import { z } from 'zod';
import { pageSchema } from '@/lib/http/page';
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
const idempotencyKeySchema = z
  .string({ error: 'Send an Idempotency-Key header: one random value per checkout attempt.' })
  .regex(/^[A-Za-z0-9_-]{8,100}$/, 'The Idempotency-Key must be 8 to 100 letters, digits, _ or -.');

/** The checkout's headers: the field error names the header. */
export const checkoutHeadersSchema = z.object({ 'idempotency-key': idempotencyKeySchema });

export const orderListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

// Order ids are cuids; the pattern keeps a NUL or any other byte PostgreSQL refuses from reaching a query (a 500).
export const orderIdParamsSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not an order id.'),
});

// What the order API answers; lib/orders' view types are these schemas' output.

const cents = z.number().int();

const orderItemViewSchema = z.object({
  productId: z.string(),
  name: z.string(),
  unitPriceCents: cents,
  quantity: z.number().int().positive(),
  lineTotalCents: cents,
});

const ORDER_STATUSES = ['pending', 'paid', 'cancelled'] as const;

export const orderViewSchema = z
  .object({
    id: z.string(),
    status: z.enum(ORDER_STATUSES),
    currency: z.string(),
    subtotalCents: cents,
    discountCents: cents,
    shippingCents: cents,
    totalCents: cents,
    items: z.array(orderItemViewSchema),
    shippingAddress: shippingAddressSchema.nullable(),
    payment: z.object({ brand: z.string(), last4: z.string() }).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Order' });

export const orderSummarySchema = orderViewSchema
  .pick({ id: true, status: true, totalCents: true, currency: true, createdAt: true })
  .extend({ itemCount: z.number().int().nonnegative() })
  .meta({ id: 'OrderSummary' });

export const orderPageSchema = pageSchema(orderSummarySchema);

export const orderBodySchema = z.object({ order: orderViewSchema });

import { z } from 'zod';
import { TIERS } from '@/lib/access';
import { MAX_LINE_QUANTITY } from './limits';

// The cart API's input, shared by the route handlers and the client components that call them.
// Only ids and quantities: whatever price or total a client sends is dropped by the schema.

const productIdSchema = z.string().trim().min(1, 'Choose a product.').max(100, 'Unknown product.');

const quantity = (min: number) =>
  z
    .number({ error: 'Enter a quantity.' })
    .int('Enter a whole number.')
    .min(min, `Enter at least ${min}.`)
    .max(MAX_LINE_QUANTITY, `At most ${MAX_LINE_QUANTITY} at a time.`);

export const addCartItemSchema = z.object({ productId: productIdSchema, quantity: quantity(1) });

/** 0 removes the line. */
export const updateCartItemSchema = z.object({ quantity: quantity(0) });

export const cartItemParamsSchema = z.object({ productId: productIdSchema });

export type AddCartItemInput = z.infer<typeof addCartItemSchema>;

// What the cart API answers; lib/cart's Cart type is this schema's output.

const CART_ITEM_STATUSES = ['available', 'insufficient_stock', 'out_of_stock', 'unavailable'] as const;

export const cartItemSchema = z.object({
  productId: z.string(),
  slug: z.string().nullable(),
  name: z.string(),
  image: z.string().nullable(),
  unitPriceCents: z.number().int(),
  quantity: z.number().int().positive(),
  lineTotalCents: z.number().int(),
  stock: z.number().int(),
  /**
   * available: can be bought as is; insufficient_stock: fewer left than the line asks for; out_of_stock: none left;
   * unavailable: the product no longer exists. Anything but available blocks checkout.
   */
  status: z.enum(CART_ITEM_STATUSES),
});

export const cartSchema = z
  .object({
    items: z.array(cartItemSchema),
    currency: z.string(),
    tier: z.enum(TIERS),
    subtotalCents: z.number().int(),
    discountCents: z.number().int(),
    shippingCents: z.number().int(),
    totalCents: z.number().int(),
    /** Units across all lines, for the header's count. */
    itemCount: z.number().int().nonnegative(),
    /** True when every line can be bought as it stands and the cart is not empty. */
    canCheckout: z.boolean(),
  })
  .meta({ id: 'Cart' });

import { z } from 'zod';

// The cart API's input, shared by the route handlers and the client components that call them.
// Only ids and quantities: whatever price or total a client sends is dropped by the schema.

export const MAX_LINE_QUANTITY = 99;

export const productIdSchema = z.string().trim().min(1, 'Choose a product.').max(100, 'Unknown product.');

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

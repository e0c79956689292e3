// The cart's numbers, on their own so client components can show them without loading zod (lib/cart/schema.ts).

export const MAX_LINE_QUANTITY = 99;

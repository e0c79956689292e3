// Price math, once for the whole storefront: the product page's premium price, the cart, checkout and orders.
// Money is integer cents everywhere; it becomes text only in formatPrice. No server-only import: client
// components show the same numbers the server charges.

import type { Tier } from '@/lib/access';

export { formatPrice } from './format';

/** Premium members get this much off the subtotal, and free shipping. */
export const PREMIUM_DISCOUNT_PERCENT = 10;
/** Standard members pay FLAT_SHIPPING_CENTS on orders whose subtotal is below this; at or above it, nothing. */
export const FREE_SHIPPING_THRESHOLD_CENTS = 75_00;
export const FLAT_SHIPPING_CENTS = 7_95;

/** `percent` of `cents`, rounded half up to the cent, in integer arithmetic (no float drift at .5). */
export function percentOf(cents: number, percent: number): number {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError('cents must be a non-negative integer');
  return Math.floor((cents * percent + 50) / 100);
}

/** The discount a tier gets on a subtotal. */
export function discountCents(subtotalCents: number, tier: Tier): number {
  return tier === 'premium' ? percentOf(subtotalCents, PREMIUM_DISCOUNT_PERCENT) : 0;
}

/** What one item costs a member of `tier` on its own: the product page's price line. */
export function tierUnitPriceCents(priceCents: number, tier: Tier): number {
  return priceCents - discountCents(priceCents, tier);
}

/** Shipping for a subtotal (before discount): free for premium and for an empty cart. */
export function shippingCents(subtotalCents: number, tier: Tier): number {
  if (subtotalCents === 0 || tier === 'premium') return 0;
  return subtotalCents >= FREE_SHIPPING_THRESHOLD_CENTS ? 0 : FLAT_SHIPPING_CENTS;
}

type PricedLine = { unitPriceCents: number; quantity: number };

export type Totals = {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
};

/** The totals of a cart or an order for a member of `tier`. Unit prices come from the database, never the client. */
export function priceLines(lines: readonly PricedLine[], tier: Tier): Totals {
  const subtotal = lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
  const discount = discountCents(subtotal, tier);
  const shipping = shippingCents(subtotal, tier);
  return {
    subtotalCents: subtotal,
    discountCents: discount,
    shippingCents: shipping,
    totalCents: subtotal - discount + shipping,
  };
}

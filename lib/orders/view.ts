import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/lib/db/generated/client';
import {
  shippingAddressSchema,
  type orderPageSchema,
  type orderSummarySchema,
  type orderViewSchema,
  type ShippingAddress,
} from './schema';

// The mappings of order rows to what the order API answers (./schema.ts), one per shape.

export type OrderView = z.infer<typeof orderViewSchema>;
export type OrderPage = z.infer<typeof orderPageSchema>;
type OrderSummary = z.infer<typeof orderSummarySchema>;

/** The include that reads an order with its lines, in the order {@link toOrderView} shows them. */
export const WITH_ITEMS = {
  items: { orderBy: { productName: 'asc' } },
} as const satisfies Prisma.OrderInclude;
export type OrderWithItems = Prisma.OrderGetPayload<{ include: typeof WITH_ITEMS }>;

export function addressOf(value: Prisma.JsonValue | null): ShippingAddress | null {
  const parsed = shippingAddressSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function toOrderView(order: OrderWithItems): OrderView {
  return {
    id: order.id,
    status: order.status,
    subtotalCents: order.subtotalCents,
    discountCents: order.discountCents,
    shippingCents: order.shippingCents,
    totalCents: order.totalCents,
    currency: order.currency,
    items: order.items.map((item) => ({
      productId: item.productId,
      name: item.productName,
      unitPriceCents: item.unitPriceCents,
      quantity: item.quantity,
      lineTotalCents: item.unitPriceCents * item.quantity,
    })),
    shippingAddress: addressOf(order.shippingAddress),
    payment:
      order.paymentBrand && order.paymentLast4
        ? { brand: order.paymentBrand, last4: order.paymentLast4 }
        : null,
    createdAt: order.createdAt.toISOString(),
  };
}

/** What an order list reads of each order: no lines, only their quantities. */
export const SUMMARY_FIELDS = {
  id: true,
  status: true,
  totalCents: true,
  currency: true,
  createdAt: true,
  items: { select: { quantity: true } },
} as const satisfies Prisma.OrderSelect;

export function toOrderSummary(
  order: Prisma.OrderGetPayload<{ select: typeof SUMMARY_FIELDS }>,
): OrderSummary {
  return {
    id: order.id,
    status: order.status,
    totalCents: order.totalCents,
    currency: order.currency,
    createdAt: order.createdAt.toISOString(),
    itemCount: order.items.reduce((sum, item) => sum + item.quantity, 0),
  };
}

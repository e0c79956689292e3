import 'server-only';
import { db } from '@/lib/db';
import { orderIdParamsSchema, type OrderListQuery, type ShippingAddress } from './schema';
import {
  addressOf,
  SUMMARY_FIELDS,
  toOrderSummary,
  toOrderView,
  WITH_ITEMS,
  type OrderPage,
  type OrderView,
} from './view';

/** The user's orders, newest first. */
export async function listOrders(userId: string, query: OrderListQuery): Promise<OrderPage> {
  const [orders, total] = await Promise.all([
    db.order.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: SUMMARY_FIELDS,
    }),
    db.order.count({ where: { userId } }),
  ]);
  return {
    items: orders.map(toOrderSummary),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

/** One of the user's orders; someone else's, or a malformed id, is null, exactly like one that does not exist. */
export async function getOrder(userId: string, orderId: string): Promise<OrderView | null> {
  const parsed = orderIdParamsSchema.safeParse({ id: orderId });
  if (!parsed.success) return null;
  const order = await db.order.findFirst({ where: { id: parsed.data.id, userId }, include: WITH_ITEMS });
  return order ? toOrderView(order) : null;
}

/** Whether the user has an order with this id; a malformed id is none. */
export async function hasOrder(userId: string, orderId: string): Promise<boolean> {
  const parsed = orderIdParamsSchema.safeParse({ id: orderId });
  return parsed.success && (await db.order.count({ where: { id: parsed.data.id, userId } })) > 0;
}

/** The address of the user's latest order, to fill in the next checkout. */
export async function lastShippingAddress(userId: string): Promise<ShippingAddress | null> {
  const order = await db.order.findFirst({
    where: { userId, status: 'paid' },
    orderBy: { createdAt: 'desc' },
    select: { shippingAddress: true },
  });
  return order ? addressOf(order.shippingAddress) : null;
}

import type { ReactNode } from 'react';
import type { OrderPage } from '@/lib/orders';
import { formatPrice } from '@/lib/pricing';
import { OrderStatusBadge } from './order-status';

/** One order in a list (the shopper's /orders, a user's admin page): its id, when, how many items, status, total. */
export function OrderSummaryLine({ order, when }: { order: OrderPage['items'][number]; when: ReactNode }) {
  return (
    <>
      <div className="flex flex-col gap-1">
        <span className="font-semibold text-slate-900">
          Order <span className="font-mono">{order.id}</span>
        </span>
        <span className="text-sm text-slate-600">
          {when} · {order.itemCount} {order.itemCount === 1 ? 'item' : 'items'}
        </span>
      </div>
      <div className="flex items-center gap-3">
        <OrderStatusBadge status={order.status} />
        <span className="font-semibold text-slate-900">{formatPrice(order.totalCents, order.currency)}</span>
      </div>
    </>
  );
}

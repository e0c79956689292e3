import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { CartSummary } from '@/components/cart/cart-summary';
import { AddressLines } from '@/components/orders/address-lines';
import { Container } from '@/components/ui/container';
import { requireUser } from '@/lib/auth/gate';
import { getOrder } from '@/lib/orders';
import { orderIdParamsSchema } from '@/lib/orders/schema';
import { formatPrice } from '@/lib/pricing';
import { OrderStatusBadge, orderDate } from '@/components/orders/order-status';

export const metadata: Metadata = { title: 'Order' };

type OrderPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Someone else's order is "not found", exactly like an id that does not exist.
export default async function OrderPage({ params, searchParams }: OrderPageProps) {
  const { id } = await params;
  const { user } = await requireUser(`/orders/${encodeURIComponent(id)}`);
  const parsed = orderIdParamsSchema.safeParse({ id });
  const order = parsed.success ? await getOrder(user.id, parsed.data.id) : null;
  if (!order) notFound();
  const justPlaced = (await searchParams).placed === '1' && order.status === 'paid';
  const money = (cents: number) => formatPrice(cents, order.currency);

  return (
    <Container className="flex flex-col gap-6 py-10">
      <Breadcrumbs trail={[{ label: 'Your orders', href: '/orders' }]} current={`Order ${order.id}`} />
      {justPlaced ? (
        <div
          role="status"
          className="rounded-2xl border border-emerald-300 bg-emerald-50 px-5 py-4 text-emerald-900"
          data-testid="order-confirmation"
        >
          <p className="text-lg font-semibold">Thank you! Your order is confirmed.</p>
          <p>
            Order number{' '}
            <span className="font-mono font-semibold" data-testid="order-number">
              {order.id}
            </span>
            . We will ship it to the address below.
          </p>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">
          Order <span className="font-mono">{order.id}</span>
        </h1>
        <OrderStatusBadge status={order.status} />
      </div>
      <p className="text-sm text-slate-600">Placed {orderDate(order.createdAt)}</p>
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card>
          <CardHeader>
            <CardTitle>Items</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="divide-y divide-slate-100 text-sm" data-testid="order-items">
              {order.items.map((item) => (
                <li key={item.productId} className="flex justify-between gap-4 py-3">
                  <span>
                    {item.name} × {item.quantity}{' '}
                    <span className="text-slate-600">({money(item.unitPriceCents)} each)</span>
                  </span>
                  <span className="font-medium">{money(item.lineTotalCents)}</span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Totals</CardTitle>
            </CardHeader>
            <CardContent>
              <CartSummary totals={order} currency={order.currency} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Shipping and payment</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-3 text-sm text-slate-700">
              {order.shippingAddress ? (
                <p>
                  <AddressLines address={order.shippingAddress} />
                </p>
              ) : null}
              {order.payment ? (
                <p className="capitalize" data-testid="order-payment">
                  {order.payment.brand} ending in {order.payment.last4}
                </p>
              ) : null}
            </CardContent>
          </Card>
        </div>
      </div>
    </Container>
  );
}

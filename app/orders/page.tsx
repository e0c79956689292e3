import type { Metadata } from 'next';
import Link from 'next/link';
import { LinkButton } from '@/components/ui/button';
import { Container } from '@/components/ui/container';
import { requireUser } from '@/lib/auth/gate';
import { listOrders } from '@/lib/orders';
import { orderListQuerySchema } from '@/lib/orders/schema';
import { orderDate } from '@/components/orders/order-status';
import { OrderSummaryLine } from '@/components/orders/order-summary-line';

export const metadata: Metadata = { title: 'Your orders' };

type OrdersPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrdersPage({ searchParams }: OrdersPageProps) {
  const { user } = await requireUser('/orders');
  const parsed = orderListQuerySchema.safeParse({ page: (await searchParams).page });
  const query = parsed.success ? parsed.data : orderListQuerySchema.parse({});
  const { items, page, pageSize, total } = await listOrders(user.id, query);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));

  return (
    // As tall as the screen, like its loading skeleton: the footer stays below the fold when the list streams in.
    <Container className="flex min-h-svh flex-col gap-6 py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Your orders</h1>
      {items.length === 0 ? (
        <div className="flex flex-col items-start gap-4">
          <p className="text-slate-700">
            {total === 0 ? 'You have not ordered anything yet.' : 'No orders on this page.'}
          </p>
          <LinkButton href="/search">Browse products</LinkButton>
        </div>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="order-list">
          {items.map((order) => (
            <li key={order.id}>
              <Link
                href={`/orders/${order.id}`}
                className="hover:border-brand-300 flex flex-wrap items-center justify-between gap-4 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
              >
                <OrderSummaryLine order={order} when={orderDate(order.createdAt)} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Pagination" className="flex items-center justify-center gap-3 text-sm">
          {page > 1 ? (
            <LinkButton href={`/orders?page=${page - 1}`} variant="secondary" size="sm" rel="prev">
              Newer
            </LinkButton>
          ) : null}
          <span className="text-slate-600">
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <LinkButton href={`/orders?page=${page + 1}`} variant="secondary" size="sm" rel="next">
              Older
            </LinkButton>
          ) : null}
        </nav>
      ) : null}
    </Container>
  );
}

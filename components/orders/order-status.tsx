import { Badge } from '@/components/ui/badge';
import type { OrderView } from '@/lib/orders';

const dateFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export function orderDate(iso: string): string {
  return `${dateFormat.format(new Date(iso))} UTC`;
}

const STATUS = {
  paid: { tone: 'success', label: 'Paid' },
  pending: { tone: 'warning', label: 'Processing' },
  cancelled: { tone: 'neutral', label: 'Cancelled' },
} as const;

export function OrderStatusBadge({ status }: { status: OrderView['status'] }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

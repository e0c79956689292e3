import { SALES_CURRENCY, type Sales } from '@/lib/admin/dashboard';
import { formatPrice } from '@/lib/pricing';
import { BarChart } from './bar-chart';

const dayFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const TICK_EVERY_DAYS = 7;
const money = (cents: number) => formatPrice(cents, SALES_CURRENCY);

/** Revenue of paid orders per UTC day; every seventh day labelled, counting back from today. */
export function SalesChart({ sales }: { sales: Sales }) {
  const last = sales.perDay.length - 1;
  return (
    <BarChart
      bars={sales.perDay.map((day) => ({
        key: day.day.toISOString(),
        value: day.revenueCents,
        title: `${dayFormat.format(day.day)}: ${money(day.revenueCents)} from ${day.orders} orders`,
      }))}
      label={`Revenue per day over the last ${sales.perDay.length} days: ${money(sales.revenueCents)} from ${sales.orders} paid orders.`}
      formatValue={money}
      ticks={sales.perDay.flatMap((day, index) =>
        (last - index) % TICK_EVERY_DAYS === 0 ? [{ index, label: dayFormat.format(day.day) }] : [],
      )}
      caption="Paid orders, by the UTC day they were placed; the last bar is today."
      table={{
        caption: 'Revenue per day',
        rows: sales.perDay.map((day) => [
          dayFormat.format(day.day),
          `${money(day.revenueCents)}, ${day.orders} orders`,
        ]),
      }}
    />
  );
}

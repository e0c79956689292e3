import { BarChart } from './bar-chart';

const dayFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
const count = (value: number) => String(Math.round(value));

/** Sign-ins per hour, each UTC day's start labelled; the totals per day in the table for screen readers. */
export function SignInChart({ data }: { data: { hour: Date; count: number }[] }) {
  const peak = Math.max(0, ...data.map((point) => point.count));
  const total = data.reduce((sum, point) => sum + point.count, 0);
  const days = new Map<string, number>();
  for (const point of data) {
    const day = dayFormat.format(point.hour);
    days.set(day, (days.get(day) ?? 0) + point.count);
  }
  return (
    <BarChart
      bars={data.map((point) => ({
        key: point.hour.toISOString(),
        value: point.count,
        title: `${point.hour.toISOString().slice(0, 13).replace('T', ' ')}:00 UTC: ${point.count}`,
      }))}
      label={`Sign-ins per hour over the last 7 days: ${total} in all, at most ${peak} in one hour.`}
      formatValue={count}
      ticks={data.flatMap((point, index) =>
        point.hour.getUTCHours() === 0 ? [{ index, label: dayFormat.format(point.hour) }] : [],
      )}
      caption="Hours in UTC; the last bar is the current hour."
      table={{ caption: 'Sign-ins per day', rows: [...days].map(([day, n]) => [day, String(n)]) }}
    />
  );
}

// Bars drawn on the server as plain SVG (no client code, no layout shift), with the axes in HTML so their labels keep
// their size on a phone instead of shrinking with the drawing. A table carries the figures for screen readers.

type ChartBar = { key: string; value: number; title: string };

/** A round top for the value axis (1, 2 or 5 times a power of ten), at least `peak`. */
function niceCeiling(peak: number): number {
  if (peak <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(peak));
  const step = [1, 2, 5, 10].find((m) => m * power >= peak) as number;
  return step * power;
}

type BarChartProps = {
  bars: ChartBar[];
  /** What the drawing shows, in one sentence with its totals: the image's accessible name. */
  label: string;
  formatValue: (value: number) => string;
  /** Labels under the bars they start at. */
  ticks: { index: number; label: string }[];
  caption: string;
  table: { caption: string; rows: [string, string][] };
};

export function BarChart({ bars, label, formatValue, ticks, caption, table }: BarChartProps) {
  const top = niceCeiling(Math.max(0, ...bars.map((bar) => bar.value)));
  const width = Math.max(1, bars.length);
  return (
    <figure>
      <div className="flex gap-2">
        <div
          className="flex h-36 w-20 shrink-0 flex-col justify-between text-right text-xs text-slate-600 tabular-nums"
          aria-hidden="true"
        >
          <span className="-mt-2">{formatValue(top)}</span>
          <span>{formatValue(top / 2)}</span>
          <span className="-mb-2">{formatValue(0)}</span>
        </div>
        <div className="relative h-36 min-w-0 flex-1 border-b border-l border-slate-300">
          <div className="absolute inset-x-0 top-0 border-t border-dashed border-slate-200" />
          <div className="absolute inset-x-0 top-1/2 border-t border-dashed border-slate-200" />
          <svg
            viewBox={`0 0 ${width} 100`}
            preserveAspectRatio="none"
            className="absolute inset-0 h-full w-full"
            role="img"
            aria-label={label}
          >
            {bars.map((bar, i) =>
              bar.value > 0 ? (
                <rect
                  key={bar.key}
                  x={i + 0.1}
                  y={100 - (bar.value / top) * 100}
                  width={0.8}
                  height={(bar.value / top) * 100}
                  className="fill-brand-600"
                >
                  <title>{bar.title}</title>
                </rect>
              ) : null,
            )}
          </svg>
        </div>
      </div>
      <div className="relative mt-1 ml-22 h-4 text-xs text-slate-600" aria-hidden="true">
        {ticks.map((tick) => (
          <span
            key={tick.index}
            className="absolute whitespace-nowrap"
            style={{ left: `${(tick.index / width) * 100}%` }}
          >
            {tick.label}
          </span>
        ))}
      </div>
      <figcaption className="mt-2 text-xs text-slate-600">{caption}</figcaption>
      <table className="sr-only">
        <caption>{table.caption}</caption>
        <tbody>
          {table.rows.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

// Sign-ins per hour as bars, drawn on the server as plain SVG: no client code, no layout shift. Day boundaries are
// labelled below; the totals per day are in a table for screen readers.

const BAR = 5;
const HEIGHT = 140;
const LABEL_SPACE = 20;
const dayFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', day: 'numeric', timeZone: 'UTC' });

export function SignInChart({ data }: { data: { hour: Date; count: number }[] }) {
  const peak = Math.max(1, ...data.map((point) => point.count));
  const width = data.length * BAR;
  const total = data.reduce((sum, point) => sum + point.count, 0);
  const days = new Map<string, number>();
  for (const point of data) {
    const day = dayFormat.format(point.hour);
    days.set(day, (days.get(day) ?? 0) + point.count);
  }
  return (
    <figure>
      <svg
        viewBox={`0 0 ${width} ${HEIGHT + LABEL_SPACE}`}
        className="h-auto w-full"
        role="img"
        aria-label={`Sign-ins per hour over the last 7 days: ${total} in all, at most ${peak} in one hour.`}
      >
        <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} className="stroke-slate-300" strokeWidth={1} />
        {data.map((point, i) => {
          const height = (point.count / peak) * (HEIGHT - 4);
          const dayStart = point.hour.getUTCHours() === 0;
          return (
            <g key={point.hour.toISOString()}>
              {dayStart ? (
                <>
                  <line
                    x1={i * BAR}
                    x2={i * BAR}
                    y1={0}
                    y2={HEIGHT}
                    className="stroke-slate-200"
                    strokeWidth={1}
                  />
                  <text x={i * BAR + 3} y={HEIGHT + 14} className="fill-slate-600 text-[11px]">
                    {dayFormat.format(point.hour)}
                  </text>
                </>
              ) : null}
              {point.count > 0 ? (
                <rect
                  x={i * BAR + 0.5}
                  y={HEIGHT - height}
                  width={BAR - 1}
                  height={height}
                  rx={1}
                  className="fill-brand-600"
                >
                  <title>{`${point.hour.toISOString().slice(0, 13).replace('T', ' ')}:00 UTC: ${point.count}`}</title>
                </rect>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 text-xs text-slate-600">
        Hours in UTC; the last bar is the current hour.
      </figcaption>
      <table className="sr-only">
        <caption>Sign-ins per day</caption>
        <tbody>
          {[...days].map(([day, count]) => (
            <tr key={day}>
              <th scope="row">{day}</th>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

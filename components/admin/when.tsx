const timeFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** A moment as admins read it: UTC, with the machine-readable time. */
export function When({ at }: { at: string | number | Date }) {
  const date = new Date(at);
  return <time dateTime={date.toISOString()}>{timeFormat.format(date)} UTC</time>;
}

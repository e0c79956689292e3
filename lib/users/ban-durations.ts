// On its own, so the admin console's client form shows it without loading zod (lib/users/schema.ts).

/** What the pages offer; the API takes any number of seconds. */
export const BAN_DURATIONS = [
  { value: '3600', label: '1 hour' },
  { value: '86400', label: '1 day' },
  { value: '604800', label: '7 days' },
  { value: 'permanent', label: 'Permanent' },
] as const;

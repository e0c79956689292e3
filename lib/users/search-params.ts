import type { z } from 'zod';

/** A page's searchParams parsed with a schema; anything invalid falls back to the defaults, as a listing should. */
export function parsePageParams<T extends z.ZodType>(
  params: Record<string, string | string[] | undefined>,
  schema: T,
): z.infer<T> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (typeof value === 'string') flat[key] = value;
  const parsed = schema.safeParse(flat);
  return parsed.success ? parsed.data : schema.parse({});
}

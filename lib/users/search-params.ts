import type { z } from 'zod';

/**
 * A page's searchParams parsed with a schema, as a listing's filter form sends them: an empty field means "any", and
 * a value that does not parse falls back to its default alone, so the other filters (and what was typed) still hold.
 */
export function parsePageParams<T extends z.ZodType>(
  params: Record<string, string | string[] | undefined>,
  schema: T,
): z.infer<T> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' && value.trim() !== '') flat[key] = value;
  }
  const parsed = schema.safeParse(flat);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) delete flat[String(issue.path[0])];
  const rest = schema.safeParse(flat);
  return rest.success ? rest.data : schema.parse({});
}

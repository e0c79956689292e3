import { z } from 'zod';
import { AppError, errorResponse } from './errors';

// Route handlers are thin: parse with a schema, call one lib function, answer. These helpers do the parsing
// and make every failure take the same path to the one error mapper.

export const MAX_JSON_BYTES = 16 * 1024;

export function apiHandler<Args extends unknown[]>(
  handle: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handle(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function parseSearchParams<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string> = {};
  for (const [key, value] of params) raw[key] = value;
  return schema.parse(raw);
}

export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_JSON_BYTES) throw new AppError('payload_too_large', 'The request body is too large.');
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES)
    throw new AppError('payload_too_large', 'The request body is too large.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON.');
  }
  return schema.parse(body);
}

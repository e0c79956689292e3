import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { assertSameOrigin } from './csrf';
import { AppError, errorResponse } from './errors';
import { MAX_JSON_BYTES } from './limits';

// Route handlers are thin: parse with a schema, call one lib function, answer. These helpers do the parsing
// and make every failure take the same path to the one error mapper.

/** Route handlers: every error becomes the API's JSON error shape; Next's own control flow passes through. */
export function apiHandler<Args extends unknown[]>(
  handle: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handle(...args);
    } catch (error) {
      // redirect(), notFound() and the prerender's "needs the request" signal are not failures to report.
      unstable_rethrow(error);
      return errorResponse(error);
    }
  };
}

/** apiHandler for POST/PUT/PATCH/DELETE: the origin check runs before the handler, errors take the usual path. */
export function mutationHandler<Rest extends unknown[]>(
  handle: (request: Request, ...rest: Rest) => Promise<Response>,
): (request: Request, ...rest: Rest) => Promise<Response> {
  return apiHandler(async (request: Request, ...rest: Rest) => {
    assertSameOrigin(request);
    return handle(request, ...rest);
  });
}

export function parseSearchParams<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = new URL(request.url).searchParams;
  const raw: Record<string, string> = {};
  for (const [key, value] of params) raw[key] = value;
  return schema.parse(raw);
}

const tooLarge = () => new AppError('payload_too_large', 'The request body is too large.');

/**
 * The body as text, refused with 413 once it passes `limit` bytes: a declared length is checked before reading, and
 * a chunked body is counted as it streams in, so no more than the limit and one chunk is ever held.
 */
async function readBodyText(request: Request, limit: number = MAX_JSON_BYTES): Promise<string> {
  if (Number(request.headers.get('content-length') ?? '0') > limit) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: the source may never end, and the answer does not wait for it.
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const text = await readBodyText(request);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON.');
  }
  return schema.parse(body);
}

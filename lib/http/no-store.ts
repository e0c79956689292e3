// Responses that carry user data or set a cookie are kept by no cache, shared (a CDN) or private (the browser).
export const NO_STORE = 'private, no-store';

/** Response headers with Cache-Control: private, no-store, plus any others given. */
export function noStore(headers: Record<string, string> = {}): Record<string, string> {
  return { 'Cache-Control': NO_STORE, ...headers };
}

type AnswerInit = { status?: number; headers?: Record<string, string> };

/** The one way a route answers in JSON, error answers included (./errors.ts): never kept by any cache. */
export function jsonAnswer(body: unknown, { status = 200, headers }: AnswerInit = {}): Response {
  return Response.json(body, { status, headers: noStore(headers) });
}

/** An answer without a body (204 unless told), kept by no cache either. */
export function emptyAnswer({ status = 204, headers }: AnswerInit = {}): Response {
  return new Response(null, { status, headers: noStore(headers) });
}

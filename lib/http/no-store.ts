// Responses that carry user data or set a cookie are kept by no cache, shared (a CDN) or private (the browser).
export const NO_STORE = 'private, no-store';

/** Response headers with Cache-Control: private, no-store, plus any others given. */
export function noStore(headers: Record<string, string> = {}): Record<string, string> {
  return { 'Cache-Control': NO_STORE, ...headers };
}

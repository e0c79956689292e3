import { env } from '@/lib/env';
import { AppError } from './errors';
import { requestIsHttps } from './scheme';

// Cross-site request forgery check for route handlers that change state. Server actions need none of this:
// Next compares their Origin with the Host itself.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function firstValue(value: string | null): string | undefined {
  return value?.split(',')[0]?.trim() || undefined;
}

/** The origin this request was addressed to: Host header and protocol, from the forwarding headers only if trusted. */
export function requestOrigin(request: Request, trustProxy = env.TRUST_PROXY): string | null {
  const url = new URL(request.url);
  const host =
    (trustProxy && firstValue(request.headers.get('x-forwarded-host'))) ||
    request.headers.get('host') ||
    url.host;
  const proto = requestIsHttps(request.headers, trustProxy) ? 'https' : 'http';
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * Refuses a state-changing request that a browser sent on behalf of another site.
 *
 * 1. Origin present: it must equal this request's own origin ("null", from sandboxed frames and some redirects, fails).
 * 2. No Origin: Sec-Fetch-Site must be same-origin or none (none = typed in the address bar, a bookmark).
 * 3. Neither header: allowed. Every browser that runs today sends at least one of them on a cross-site POST, so the
 *    request comes from a non-browser client (curl, a test, a server), which has no victim's cookies to ride on;
 *    and the session cookie is SameSite=Lax, so browsers would not attach it to a cross-site POST anyway.
 */
export function assertSameOrigin(request: Request, trustProxy = env.TRUST_PROXY): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get('origin');
  if (origin !== null) {
    const own = requestOrigin(request, trustProxy);
    let sent: string | null = null;
    try {
      sent = origin === 'null' ? null : new URL(origin).origin;
    } catch {
      sent = null;
    }
    if (own !== null && sent === own) return;
    throw new AppError('csrf_rejected', 'This request came from another site and was refused.');
  }
  const site = request.headers.get('sec-fetch-site');
  if (site === null || site === 'same-origin' || site === 'none') return;
  throw new AppError('csrf_rejected', 'This request came from another site and was refused.');
}

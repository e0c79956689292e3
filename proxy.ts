import { NextResponse, type NextRequest } from 'next/server';
import { NO_STORE } from '@/lib/http/no-store';
import { sessionUnavailableDocument } from '@/lib/http/unavailable-page';
import { hasOrder } from '@/lib/orders';
import {
  clearSessionSetCookie,
  readSessionCookie,
  sessionStoreAvailable,
  userIdOfToken,
} from '@/lib/session';
import { checkSession, userExists } from '@/lib/users';

// The early, optimistic gate: it redirects and clears cookies that do not open, and is never the only check
// (lib/auth/gate.ts is; docs/sessions.md#two-layers-one-gate). With Redis known away, a signed-in request gets its
// 503 here, before a page streams a 200 behind its loading.tsx.

// Pages of one record whose id may name nothing this visitor can see. Private pages stream (their shell is sent
// before the page runs), so a notFound() in the page can only answer status 200; these get a real 404 here. The page
// still checks for itself. Each lookup says whether the record exists.
const RECORD_PAGES: [RegExp, (token: string, id: string) => Promise<boolean>][] = [
  // The token names its user (lib/session/keys.ts), so whose orders to look in is known without Redis; whether that
  // session still lives is the page's gate's to say. The 404 is the same for an order of nobody's and of another's.
  [
    /^\/orders\/([^/]+)\/?$/,
    async (token, id) => {
      const userId = userIdOfToken(token);
      return userId ? hasOrder(userId, id) : true;
    },
  ],
  // Only an admin may learn whether a user exists: this one costs a session check, and the page's gate makes its
  // own. Non-admins are the page's gate's to send away, not a 404.
  [
    /^\/admin\/users\/([^/]+)\/?$/,
    async (token, id) => {
      const { current } = await checkSession(token);
      return current === null || current.user.role !== 'admin' || userExists(id);
    },
  ],
];

function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function recordExists(pathname: string, token: string): Promise<boolean> {
  for (const [pattern, lookUp] of RECORD_PAGES) {
    const id = pattern.exec(pathname)?.[1];
    if (id === undefined) continue;
    return lookUp(token, decodedSegment(id));
  }
  return true;
}

export async function proxy(request: NextRequest) {
  const { token, hadCookie, secure } = readSessionCookie(request);
  const { pathname, search } = request.nextUrl;
  if (token && !sessionStoreAvailable()) return sessionUnavailableDocument();
  if (token) {
    // A lookup that fails (Redis or PostgreSQL away) is left to the page's gate, which answers it.
    const exists = await recordExists(pathname, token).catch(() => true);
    if (!exists) {
      return NextResponse.rewrite(new URL('/_not-found', request.nextUrl), {
        status: 404,
        headers: { 'Cache-Control': NO_STORE },
      });
    }
    return NextResponse.next();
  }

  const response = NextResponse.redirect(
    new URL(`/login?next=${encodeURIComponent(pathname + search)}`, request.nextUrl),
  );
  if (hadCookie) {
    response.headers.append('Set-Cookie', clearSessionSetCookie(secure));
    response.headers.set('Cache-Control', NO_STORE);
  }
  return response;
}

// Only private pages are looked at; the catalog passes untouched. Route handlers are not: their gate answers a
// missing or stale cookie with the same 401 (and a Redis outage with the same 503) that the proxy would, so running
// the proxy first only added its own cost to every signed-in API request.
export const config = {
  matcher: ['/account/:path*', '/admin/:path*', '/checkout', '/orders/:path*'],
};

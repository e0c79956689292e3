import { NextResponse, type NextRequest } from 'next/server';
import { clearSessionSetCookie, readSessionFromRequest } from '@/lib/session';

// The early gate: signed-out visitors to private pages go to the login page before anything renders, and a stale
// cookie is cleared. It is not the only gate: every page, route handler and action checks the session again,
// so a request that skips the proxy (a matcher gap, the x-middleware-subrequest trick) still gets nothing.

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith('/api/');
  const { current, banned, hadCookie, secure } = await readSessionFromRequest(request);

  // A session a ban ended: pages show why; route handlers answer the 403 themselves (the gate).
  if (banned) return isApi ? NextResponse.next() : NextResponse.redirect(new URL('/banned', request.nextUrl));

  if (!current) {
    const response = isApi
      ? NextResponse.json(
          { error: { code: 'unauthenticated', message: 'Sign in to continue.' } },
          { status: 401, headers: { 'Cache-Control': 'no-store' } },
        )
      : NextResponse.redirect(
          new URL(`/login?next=${encodeURIComponent(pathname + search)}`, request.nextUrl),
        );
    if (hadCookie) {
      response.headers.append('Set-Cookie', clearSessionSetCookie(secure));
      response.headers.set('Cache-Control', 'no-store');
    }
    return response;
  }

  if ((pathname === '/admin' || pathname.startsWith('/admin/')) && current.user.role !== 'admin') {
    return NextResponse.redirect(new URL('/', request.nextUrl));
  }
  return NextResponse.next();
}

// Only private routes pay for a session lookup; the catalog is served without one.
export const config = {
  matcher: [
    '/account/:path*',
    '/admin/:path*',
    '/checkout',
    '/orders/:path*',
    '/api/account/:path*',
    '/api/me',
  ],
};

import { apiHandler } from '@/lib/http/handler';
import { noStore } from '@/lib/http/no-store';
import { clearSessionSetCookie, readSessionFromRequest, toPublicUser, type SessionBody } from '@/lib/session';

// Who is asking, for the client components of cached pages (account menu, tier badge, premium price): one Redis
// round trip, never cached anywhere. A stale cookie is cleared here, on the first page view that carries it.
export const GET = apiHandler(async (request: Request) => {
  const { current, hadCookie, secure } = await readSessionFromRequest(request);
  const body: SessionBody = { user: current ? toPublicUser(current.user) : null };
  const stale = hadCookie && !current;
  return Response.json(body, {
    headers: noStore(stale ? { 'Set-Cookie': clearSessionSetCookie(secure) } : {}),
  });
});

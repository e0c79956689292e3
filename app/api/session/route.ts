import { apiHandler } from '@/lib/http/handler';
import { noStore } from '@/lib/http/no-store';
import { clearSessionSetCookie, readSessionFromRequest, toPublicUser, type SessionBody } from '@/lib/session';

// Who is asking, for the client components of cached pages (account menu, tier badge, premium price): one Redis
// round trip, never cached anywhere. A stale cookie is cleared here, on the first page view that carries it.
export const GET = apiHandler(async (request: Request) => {
  const { current, banned, hadCookie, secure } = await readSessionFromRequest(request);
  const body: SessionBody = { user: current ? toPublicUser(current.user) : null };
  // A session a ban ended keeps its cookie until /banned has read why (lib/users: the ban notice).
  const stale = hadCookie && !current && !banned;
  return Response.json(body, {
    headers: noStore(stale ? { 'Set-Cookie': clearSessionSetCookie(secure) } : {}),
  });
});

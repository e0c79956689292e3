import { apiHandler } from '@/lib/http/handler';
import { jsonAnswer } from '@/lib/http/no-store';
import { clearSessionSetCookie } from '@/lib/session';
import { readVisitor } from '@/lib/visitor';

// Who is asking, for the client components of cached pages (account menu, tier badge, premium price, cart count):
// one Redis round trip, never cached anywhere. A stale cookie is cleared here, on the first page view carrying it.
export const GET = apiHandler(async (request: Request) => {
  const { cookie, session, body } = await readVisitor(request);
  const { current, banned } = session;
  const { hadCookie, secure } = cookie;
  // A session a ban ended keeps its cookie until /banned has read why (lib/users: the ban notice).
  const stale = hadCookie && !current && !banned;
  return jsonAnswer(body, { headers: stale ? { 'Set-Cookie': clearSessionSetCookie(secure) } : {} });
});

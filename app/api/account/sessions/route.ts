import { requireApiUser } from '@/lib/auth/gate';
import { apiHandler } from '@/lib/http/handler';
import { listDeviceSessions } from '@/lib/session';
import { noStore } from '@/lib/http/no-store';
import { sessionJson } from '@/lib/session';

export const GET = apiHandler(async (request: Request) => {
  const sessions = await listDeviceSessions(await requireApiUser(request));
  return Response.json(
    { sessions: sessions.map((session) => sessionJson(session, session.current)) },
    { headers: noStore() },
  );
});

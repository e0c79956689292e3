import { requireApiUser } from '@/lib/auth/gate';
import { apiHandler } from '@/lib/http/handler';
import { listDeviceSessions } from '@/lib/session';
import { sessionJson } from '@/lib/session';
import { jsonAnswer } from '@/lib/http/no-store';

export const GET = apiHandler(async (request: Request) => {
  const sessions = await listDeviceSessions(await requireApiUser(request));
  return jsonAnswer({ sessions: sessions.map((session) => sessionJson(session, session.current)) });
});

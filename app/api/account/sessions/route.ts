import { requireApiUser } from '@/lib/auth/gate';
import { apiHandler } from '@/lib/http/handler';
import { listDeviceSessions } from '@/lib/session';
import { noStore } from '@/lib/http/no-store';

export const GET = apiHandler(async (request: Request) => {
  const sessions = await listDeviceSessions(await requireApiUser(request));
  return Response.json(
    {
      sessions: sessions.map((session) => ({
        id: session.id,
        current: session.current,
        createdAt: new Date(session.createdAt).toISOString(),
        lastSeenAt: new Date(session.lastSeenAt).toISOString(),
        ip: session.ip,
        userAgent: session.userAgent,
      })),
    },
    { headers: noStore() },
  );
});

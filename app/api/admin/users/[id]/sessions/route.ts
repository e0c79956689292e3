import { requireApiAdmin } from '@/lib/auth/gate';
import { apiHandler } from '@/lib/http/handler';
import { sessionJson } from '@/lib/session';
import { listSessionsOfUser } from '@/lib/users';
import { userIdParamsSchema } from '@/lib/users/schema';

export const GET = apiHandler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const current = await requireApiAdmin(request);
  const { id } = userIdParamsSchema.parse(await params);
  const sessions = await listSessionsOfUser(id);
  return Response.json(
    { sessions: sessions.map((session) => sessionJson(session, session.id === current.session.id)) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});

import { requireApiAdmin } from '@/lib/auth/gate';
import { apiHandler } from '@/lib/http/handler';
import { sessionJson } from '@/lib/session';
import { listSessionsOfUser } from '@/lib/users';
import { userIdParamsSchema } from '@/lib/users/schema';
import { jsonAnswer } from '@/lib/http/no-store';

export const GET = apiHandler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const current = await requireApiAdmin(request);
  const { id } = userIdParamsSchema.parse(await params);
  const sessions = await listSessionsOfUser(id);
  return jsonAnswer({
    sessions: sessions.map((session) => sessionJson(session, session.id === current.session.id)),
  });
});

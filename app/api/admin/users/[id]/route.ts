import { requireApiAdmin } from '@/lib/auth/gate';
import { mutationHandler } from '@/lib/http/handler';
import { apiHandler, parseJsonBody } from '@/lib/http/handler';
import { jsonAnswer } from '@/lib/http/no-store';
import { sessionJson } from '@/lib/session';
import { actorOf, getAdminUser, listSessionsOfUser, setUserRole, setUserTier } from '@/lib/users';
import { updateUserSchema, userIdParamsSchema } from '@/lib/users/schema';

type Context = { params: Promise<{ id: string }> };

export const GET = apiHandler(async (request: Request, { params }: Context) => {
  const current = await requireApiAdmin(request);
  const { id } = userIdParamsSchema.parse(await params);
  const [user, sessions] = await Promise.all([getAdminUser(id), listSessionsOfUser(id)]);
  return jsonAnswer({
    user,
    sessions: sessions.map((session) => sessionJson(session, session.id === current.session.id)),
  });
});

export const PATCH = mutationHandler(async (request: Request, { params }: Context) => {
  const current = await requireApiAdmin(request);
  const { id } = userIdParamsSchema.parse(await params);
  const input = await parseJsonBody(request, updateUserSchema);
  const actor = actorOf(current, request.headers);
  // The role first: it is the change that can be refused (self-demotion, last admin), before anything is written.
  if (input.role) await setUserRole(id, input.role, actor);
  const user = input.tier ? await setUserTier(id, input.tier, actor) : await getAdminUser(id);
  return jsonAnswer({ user });
});

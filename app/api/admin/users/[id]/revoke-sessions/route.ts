import { requireApiAdmin } from '@/lib/auth/gate';
import { mutationHandler } from '@/lib/http/handler';
import { actorOf, revokeAllSessions } from '@/lib/users';
import { userIdParamsSchema } from '@/lib/users/schema';
import { emptyAnswer } from '@/lib/http/no-store';

export const POST = mutationHandler(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const current = await requireApiAdmin(request);
    const { id } = userIdParamsSchema.parse(await params);
    await revokeAllSessions(id, actorOf(current, request.headers));
    return emptyAnswer();
  },
);

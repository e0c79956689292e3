import { requireApiAdmin } from '@/lib/auth/gate';
import { mutationHandler } from '@/lib/http/handler';
import { actorOf, unbanUser } from '@/lib/users';
import { userIdParamsSchema } from '@/lib/users/schema';
import { jsonAnswer } from '@/lib/http/no-store';

export const POST = mutationHandler(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const current = await requireApiAdmin(request);
    const { id } = userIdParamsSchema.parse(await params);
    const user = await unbanUser(id, actorOf(current, request.headers));
    return jsonAnswer({ user });
  },
);

import { requireApiAdmin } from '@/lib/auth/gate';
import { mutationHandler } from '@/lib/http/handler';
import { parseJsonBody } from '@/lib/http/handler';
import { actorOf, banUser } from '@/lib/users';
import { banSchema, userIdParamsSchema } from '@/lib/users/schema';
import { jsonAnswer } from '@/lib/http/no-store';

export const POST = mutationHandler(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const current = await requireApiAdmin(request);
    const { id } = userIdParamsSchema.parse(await params);
    const input = await parseJsonBody(request, banSchema);
    const user = await banUser(id, input, actorOf(current, request.headers));
    return jsonAnswer({ user });
  },
);

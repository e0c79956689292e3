import { requireApiAdmin } from '@/lib/auth/gate';
import { sessionIdParamsSchema } from '@/lib/auth/schema';
import { mutationHandler } from '@/lib/http/handler';
import { actorOf, revokeSessionAsAdmin } from '@/lib/users';
import { emptyAnswer } from '@/lib/http/no-store';

export const DELETE = mutationHandler(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const current = await requireApiAdmin(request);
    const { id } = sessionIdParamsSchema.parse(await params);
    await revokeSessionAsAdmin(id, actorOf(current, request.headers));
    return emptyAnswer();
  },
);

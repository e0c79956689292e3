import { requireApiAdmin } from '@/lib/auth/gate';
import { sessionIdParamsSchema } from '@/lib/auth/schema';
import { mutationHandler } from '@/lib/http/handler';
import { actorOf, revokeSessionById } from '@/lib/users';

export const DELETE = mutationHandler(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const current = await requireApiAdmin(request);
    const { id } = sessionIdParamsSchema.parse(await params);
    await revokeSessionById(id, actorOf(current, request.headers));
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  },
);

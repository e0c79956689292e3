import { requireApiUser } from '@/lib/auth/gate';
import { AppError } from '@/lib/http/errors';
import { apiHandler } from '@/lib/http/handler';
import { getOrder } from '@/lib/orders';
import { orderIdParamsSchema } from '@/lib/orders/schema';
import { jsonAnswer } from '@/lib/http/no-store';

// Another user's order answers exactly like one that does not exist: 404, never 403.
export const GET = apiHandler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const current = await requireApiUser(request);
  const { id } = orderIdParamsSchema.parse(await params);
  const order = await getOrder(current.user.id, id);
  if (!order) throw new AppError('not_found', 'No such order on your account.');
  return jsonAnswer({ order });
});

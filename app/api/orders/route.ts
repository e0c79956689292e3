import { requireApiUser } from '@/lib/auth/gate';
import { apiHandler, parseSearchParams } from '@/lib/http/handler';
import { listOrders } from '@/lib/orders';
import { orderListQuerySchema } from '@/lib/orders/schema';
import { jsonAnswer } from '@/lib/http/no-store';

export const GET = apiHandler(async (request: Request) => {
  const current = await requireApiUser(request);
  const page = await listOrders(current.user.id, parseSearchParams(request, orderListQuerySchema));
  return jsonAnswer(page);
});

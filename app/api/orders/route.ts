import { requireApiUser } from '@/lib/auth/gate';
import { apiHandler, parseSearchParams } from '@/lib/http/handler';
import { listOrders } from '@/lib/orders';
import { orderListQuerySchema } from '@/lib/orders/schema';

export const GET = apiHandler(async (request: Request) => {
  const current = await requireApiUser(request);
  const page = await listOrders(current.user.id, parseSearchParams(request, orderListQuerySchema));
  return Response.json(page, { headers: { 'Cache-Control': 'no-store' } });
});

import { requireApiAdmin } from '@/lib/auth/gate';
import { apiHandler, parseSearchParams } from '@/lib/http/handler';
import { listUsers } from '@/lib/users';
import { listUsersQuerySchema } from '@/lib/users/schema';

export const GET = apiHandler(async (request: Request) => {
  await requireApiAdmin(request);
  const page = await listUsers(parseSearchParams(request, listUsersQuerySchema));
  return Response.json(page, { headers: { 'Cache-Control': 'no-store' } });
});

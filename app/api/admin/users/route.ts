import { requireApiAdmin } from '@/lib/auth/gate';
import { apiHandler, parseSearchParams } from '@/lib/http/handler';
import { listUsers } from '@/lib/users';
import { listUsersQuerySchema } from '@/lib/users/schema';
import { jsonAnswer } from '@/lib/http/no-store';

export const GET = apiHandler(async (request: Request) => {
  await requireApiAdmin(request);
  const page = await listUsers(parseSearchParams(request, listUsersQuerySchema));
  return jsonAnswer(page);
});

import { requireApiUser } from '@/lib/auth/gate';
import { apiHandler } from '@/lib/http/handler';
import { toPublicUser } from '@/lib/access/public-user';
import { noStore } from '@/lib/http/no-store';

export const GET = apiHandler(async (request: Request) => {
  const { user } = await requireApiUser(request);
  return Response.json({ user: toPublicUser(user) }, { headers: noStore() });
});

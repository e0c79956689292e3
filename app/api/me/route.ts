import { requireApiUser } from '@/lib/auth/gate';
import { apiHandler } from '@/lib/http/handler';
import { toPublicUser } from '@/lib/access/public-user';
import { jsonAnswer } from '@/lib/http/no-store';

export const GET = apiHandler(async (request: Request) => {
  const { user } = await requireApiUser(request);
  return jsonAnswer({ user: toPublicUser(user) });
});

import { requireApiUser } from '@/lib/auth/gate';
import { apiHandler } from '@/lib/http/handler';
import { toPublicUser } from '@/lib/session';

export const GET = apiHandler(async (request: Request) => {
  const { user } = await requireApiUser(request);
  return Response.json({ user: toPublicUser(user) }, { headers: { 'Cache-Control': 'no-store' } });
});

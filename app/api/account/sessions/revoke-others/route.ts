import { requireApiUser } from '@/lib/auth/gate';
import { mutationHandler } from '@/lib/http/csrf';
import { revokeOtherDeviceSessions } from '@/lib/session';

export const POST = mutationHandler(async (request: Request) => {
  await revokeOtherDeviceSessions(await requireApiUser(request));
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});

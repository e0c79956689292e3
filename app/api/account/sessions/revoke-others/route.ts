import { requireApiUser } from '@/lib/auth/gate';
import { mutationHandler } from '@/lib/http/handler';
import { revokeOtherDeviceSessions } from '@/lib/session';
import { noStore } from '@/lib/http/no-store';

export const POST = mutationHandler(async (request: Request) => {
  await revokeOtherDeviceSessions(await requireApiUser(request));
  return new Response(null, { status: 204, headers: noStore() });
});

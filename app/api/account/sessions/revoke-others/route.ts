import { requireApiUser } from '@/lib/auth/gate';
import { mutationHandler } from '@/lib/http/handler';
import { revokeOtherSessions } from '@/lib/session';
import { emptyAnswer } from '@/lib/http/no-store';

export const POST = mutationHandler(async (request: Request) => {
  await revokeOtherSessions(await requireApiUser(request));
  return emptyAnswer();
});

import { logout } from '@/lib/auth/auth';
import { signedOutResponse } from '@/lib/auth/http';
import { authContextFromRequest } from '@/lib/session';
import { mutationHandler } from '@/lib/http/handler';

export const POST = mutationHandler(async (request) => {
  const context = await authContextFromRequest(request);
  await logout(context.previousToken);
  return signedOutResponse(context.secure);
});

import { logout } from '@/lib/auth/auth';
import { authContextFromRequest, signedOutResponse } from '@/lib/auth/http';
import { mutationHandler } from '@/lib/http/csrf';

export const POST = mutationHandler(async (request) => {
  const context = await authContextFromRequest(request);
  await logout(context.previousToken);
  return signedOutResponse(context.secure);
});

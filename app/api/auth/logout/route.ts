import { logout } from '@/lib/auth/auth';
import { signedOutResponse } from '@/lib/auth/http';
import { readSessionCookie } from '@/lib/session';
import { mutationHandler } from '@/lib/http/handler';

export const POST = mutationHandler(async (request) => {
  const { token, secure } = readSessionCookie(request);
  await logout(token);
  return signedOutResponse(secure);
});

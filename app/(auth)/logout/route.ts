import { logout } from '@/lib/auth/auth';
import { signedOutRedirect } from '@/lib/auth/http';
import { readSessionCookie } from '@/lib/session';
import { mutationHandler } from '@/lib/http/handler';

// The header's sign-out form posts here; JSON clients use POST /api/auth/logout.
export const POST = mutationHandler(async (request) => {
  const { token, secure } = readSessionCookie(request);
  await logout(token);
  return signedOutRedirect(secure);
});

import { requireApiUser } from '@/lib/auth/gate';
import { changePassword } from '@/lib/auth/password-change';
import { changePasswordSchema } from '@/lib/auth/schema';
import { signInContext } from '@/lib/auth/http';
import { mutationHandler } from '@/lib/http/handler';
import { parseJsonBody } from '@/lib/http/handler';
import { emptyAnswer } from '@/lib/http/no-store';
import { sessionSetCookie } from '@/lib/session';

// 204 with a new session cookie for this client; every other session of the user is signed out.
export const POST = mutationHandler(async (request: Request) => {
  const current = await requireApiUser(request);
  const input = await parseJsonBody(request, changePasswordSchema);
  const context = signInContext(request);
  const { token, session } = await changePassword(current, input, context);
  const cookie = await sessionSetCookie(token, context.secure, session.persistent);
  return emptyAnswer({ headers: { 'Set-Cookie': cookie } });
});

import { signInContext, withMailboxCookie } from '@/lib/auth/http';
import { jsonAnswer } from '@/lib/http/no-store';
import { requestPasswordReset, RESET_REQUESTED_MESSAGE } from '@/lib/auth/password-change';
import { passwordResetRequestSchema } from '@/lib/auth/schema';
import { mutationHandler } from '@/lib/http/handler';
import { parseJsonBody } from '@/lib/http/handler';

// 202 whether or not the address has an account: the answer tells nobody who shops here.
export const POST = mutationHandler(async (request: Request) => {
  const { email } = await parseJsonBody(request, passwordResetRequestSchema);
  const context = signInContext(request);
  await requestPasswordReset(email, context);
  return withMailboxCookie(jsonAnswer({ message: RESET_REQUESTED_MESSAGE }, { status: 202 }), context);
});

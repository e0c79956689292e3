import { register } from '@/lib/auth/auth';
import { signedInResponse, signInContext, withMailboxCookie } from '@/lib/auth/http';
import { registerSchema } from '@/lib/auth/schema';
import { mergeGuestCartIntoResponse } from '@/lib/cart/sign-in';
import { mutationHandler, parseJsonBody } from '@/lib/http/handler';

export const POST = mutationHandler(async (request) => {
  const input = await parseJsonBody(request, registerSchema);
  const context = signInContext(request);
  const result = await register(input, context);
  return mergeGuestCartIntoResponse(
    request,
    result.user.id,
    withMailboxCookie(await signedInResponse(result, context.secure, 201), context),
  );
});

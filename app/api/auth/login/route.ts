import { login } from '@/lib/auth/auth';
import { signedInResponse, signInContext } from '@/lib/auth/http';
import { loginSchema } from '@/lib/auth/schema';
import { mergeGuestCartIntoResponse } from '@/lib/cart/sign-in';
import { mutationHandler, parseJsonBody } from '@/lib/http/handler';

export const POST = mutationHandler(async (request) => {
  const input = await parseJsonBody(request, loginSchema);
  const context = signInContext(request);
  const result = await login(input, context);
  return mergeGuestCartIntoResponse(
    request,
    result.user.id,
    await signedInResponse(result, context.secure, 200),
  );
});

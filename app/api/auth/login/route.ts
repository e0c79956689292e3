import { login } from '@/lib/auth/auth';
import { signedInResponse, signInContextFromRequest } from '@/lib/auth/http';
import { loginSchema } from '@/lib/auth/schema';
import { mutationHandler, parseJsonBody } from '@/lib/http/handler';

export const POST = mutationHandler(async (request) => {
  const input = await parseJsonBody(request, loginSchema);
  const context = await signInContextFromRequest(request);
  return signedInResponse(await login(input, context), context.secure, 200);
});

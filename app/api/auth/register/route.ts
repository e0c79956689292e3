import { register } from '@/lib/auth/auth';
import { signedInResponse, signInContextFromRequest } from '@/lib/auth/http';
import { registerSchema } from '@/lib/auth/schema';
import { mutationHandler, parseJsonBody } from '@/lib/http/handler';

export const POST = mutationHandler(async (request) => {
  const input = await parseJsonBody(request, registerSchema);
  const context = await signInContextFromRequest(request);
  return signedInResponse(await register(input, context), context.secure, 201);
});

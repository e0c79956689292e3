import { register } from '@/lib/auth/auth';
import { signedInResponse } from '@/lib/auth/http';
import { authContextFromRequest } from '@/lib/session';
import { registerSchema } from '@/lib/auth/schema';
import { mutationHandler } from '@/lib/http/handler';
import { parseJsonBody } from '@/lib/http/handler';

export const POST = mutationHandler(async (request) => {
  const input = await parseJsonBody(request, registerSchema);
  const context = await authContextFromRequest(request);
  return signedInResponse(await register(input, context), context.secure, 201);
});

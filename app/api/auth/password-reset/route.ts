import { clientIp } from '@/lib/auth/client-ip';
import { requestPasswordReset, RESET_REQUESTED_MESSAGE } from '@/lib/auth/passwords';
import { passwordResetRequestSchema } from '@/lib/auth/schema';
import { mutationHandler } from '@/lib/http/handler';
import { parseJsonBody } from '@/lib/http/handler';

// 202 whether or not the address has an account: the answer tells nobody who shops here.
export const POST = mutationHandler(async (request: Request) => {
  const { email } = await parseJsonBody(request, passwordResetRequestSchema);
  await requestPasswordReset(email, { ip: clientIp(request.headers) });
  return Response.json(
    { message: RESET_REQUESTED_MESSAGE },
    { status: 202, headers: { 'Cache-Control': 'no-store' } },
  );
});

import { verifyEmail } from '@/lib/auth/email-verification';
import { verifyEmailSchema } from '@/lib/auth/schema';
import { mutationHandler } from '@/lib/http/handler';
import { parseJsonBody } from '@/lib/http/handler';
import { emptyAnswer } from '@/lib/http/no-store';

export const POST = mutationHandler(async (request: Request) => {
  const { token } = await parseJsonBody(request, verifyEmailSchema);
  await verifyEmail(token);
  return emptyAnswer();
});

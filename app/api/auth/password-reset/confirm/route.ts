import { confirmPasswordReset } from '@/lib/auth/password-change';
import { passwordResetConfirmSchema } from '@/lib/auth/schema';
import { mutationHandler } from '@/lib/http/handler';
import { parseJsonBody } from '@/lib/http/handler';
import { emptyAnswer } from '@/lib/http/no-store';

export const POST = mutationHandler(async (request: Request) => {
  await confirmPasswordReset(await parseJsonBody(request, passwordResetConfirmSchema));
  return emptyAnswer();
});

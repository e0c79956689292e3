import { requireApiAdmin } from '@/lib/auth/gate';
import { apiHandler, parseSearchParams } from '@/lib/http/handler';
import { listAudit } from '@/lib/users';
import { auditQuerySchema } from '@/lib/users/schema';
import { jsonAnswer } from '@/lib/http/no-store';

export const GET = apiHandler(async (request: Request) => {
  await requireApiAdmin(request);
  const page = await listAudit(parseSearchParams(request, auditQuerySchema));
  return jsonAnswer(page);
});

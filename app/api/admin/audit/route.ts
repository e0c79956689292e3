import { requireApiAdmin } from '@/lib/auth/gate';
import { apiHandler, parseSearchParams } from '@/lib/http/handler';
import { listAudit } from '@/lib/users';
import { auditQuerySchema } from '@/lib/users/schema';

export const GET = apiHandler(async (request: Request) => {
  await requireApiAdmin(request);
  const page = await listAudit(parseSearchParams(request, auditQuerySchema));
  return Response.json(page, { headers: { 'Cache-Control': 'no-store' } });
});

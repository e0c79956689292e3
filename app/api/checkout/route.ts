import { clientIp } from '@/lib/http/client-ip';
import { requireApiUser } from '@/lib/auth/gate';
import { mutationHandler } from '@/lib/http/handler';
import { parseJsonBody } from '@/lib/http/handler';
import { jsonAnswer } from '@/lib/http/no-store';
import { placeOrder } from '@/lib/orders';
import { checkoutHeadersSchema, checkoutSchema } from '@/lib/orders/schema';

// Signed in only: the gate answers 401 to a missing, expired or revoked session (a banned user's is revoked), and
// the order's own transaction refuses a ban the database already knows about (403). Nothing is written before.
export const POST = mutationHandler(async (request: Request) => {
  const current = await requireApiUser(request);
  const { 'idempotency-key': idempotencyKey } = checkoutHeadersSchema.parse({
    'idempotency-key': request.headers.get('idempotency-key') ?? undefined,
  });
  const input = await parseJsonBody(request, checkoutSchema);
  const { order, replayed } = await placeOrder(
    { id: current.user.id, tier: current.user.tier, ip: clientIp(request.headers) },
    input,
    idempotencyKey,
  );
  return jsonAnswer({ order }, { status: 201, headers: replayed ? { 'Idempotent-Replayed': 'true' } : {} });
});

import 'server-only';
import type { z } from 'zod';
import { getCartStore, type CartStore } from '@/lib/cart';
import { guestIdFromRequest } from '@/lib/cart/cookie';
import { toPublicUser } from '@/lib/access/public-user';
import { readSessionCookie, type SessionCheck, type SessionCookie } from '@/lib/session';
import { checkSession } from '@/lib/users';
import type { visitorBodySchema } from './schema';

// What the client components of a cached page may know about the visitor, all in GET /api/session, so a page view
// asks once: who they are (account menu, tier badge, premium price) and how many units their cart holds (the
// header). One Redis round trip either way: a signed-in user's cart is counted inside the session check, a guest's
// (only when a cart cookie names one) by a read of its hash. No prices and no database: the cart page prices lines.

export type VisitorBody = z.infer<typeof visitorBodySchema>;

export async function readVisitor(
  request: Request,
  store: CartStore = getCartStore(),
): Promise<{ cookie: SessionCookie; session: SessionCheck; body: VisitorBody }> {
  const cookie = readSessionCookie(request);
  const session = await checkSession(cookie.token, { countCart: true });
  const { current } = session;
  if (current)
    return { cookie, session, body: { user: toPublicUser(current.user), cartCount: current.cartUnits ?? 0 } };
  const { guestId } = await guestIdFromRequest(request);
  let cartCount = 0;
  if (guestId)
    for (const quantity of (await store.read({ kind: 'guest', guestId })).values()) cartCount += quantity;
  return { cookie, session, body: { user: null, cartCount } };
}

import { getApiSession } from '@/lib/auth/gate';
import { readCart } from '@/lib/cart';
import { cartContext, cartResponse } from '@/lib/cart/http';
import { apiHandler } from '@/lib/http/handler';

// Open to guests. A visitor without a cart gets an empty one, and no cookie: reading never creates a cart.
export const GET = apiHandler(async (request: Request) => {
  const context = await cartContext(request, await getApiSession(request));
  return cartResponse(await readCart(context.owner, context.tier), context.secure);
});

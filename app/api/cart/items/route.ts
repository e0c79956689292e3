import { getApiSession } from '@/lib/auth/gate';
import { addToCart } from '@/lib/cart';
import { cartContext, cartOwnerForWrite, cartResponse } from '@/lib/cart/http';
import { addCartItemSchema } from '@/lib/cart/schema';
import { mutationHandler } from '@/lib/http/handler';
import { parseJsonBody } from '@/lib/http/handler';

// A guest's first add creates the guest cart and its cookie.
export const POST = mutationHandler(async (request: Request) => {
  const input = await parseJsonBody(request, addCartItemSchema);
  const context = await cartContext(request, await getApiSession(request));
  const owner = await cartOwnerForWrite(context);
  return cartResponse(await addToCart(owner, input, context.tier), context.secure, owner);
});

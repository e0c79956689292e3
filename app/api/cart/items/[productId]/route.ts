import { getApiSession } from '@/lib/auth/gate';
import { removeCartItem, updateCartItem } from '@/lib/cart';
import { cartContext, cartResponse } from '@/lib/cart/http';
import { cartItemParamsSchema, updateCartItemSchema } from '@/lib/cart/schema';
import { mutationHandler } from '@/lib/http/handler';
import { parseJsonBody } from '@/lib/http/handler';

type Params = { params: Promise<{ productId: string }> };

// Changing a line of a cart that does not exist answers the empty cart and creates nothing.
export const PATCH = mutationHandler(async (request: Request, { params }: Params) => {
  const { productId } = cartItemParamsSchema.parse(await params);
  const { quantity } = await parseJsonBody(request, updateCartItemSchema);
  const context = await cartContext(request, await getApiSession(request));
  const cart = await updateCartItem(context.owner, productId, quantity, context.tier);
  return cartResponse(cart, context.secure, context.owner);
});

export const DELETE = mutationHandler(async (request: Request, { params }: Params) => {
  const { productId } = cartItemParamsSchema.parse(await params);
  const context = await cartContext(request, await getApiSession(request));
  const cart = await removeCartItem(context.owner, productId, context.tier);
  return cartResponse(cart, context.secure, context.owner);
});

import { cartChanged } from '@/components/visitor/visitor-store';
import type { Cart } from '@/lib/cart';
import type { ErrorBody } from '@/lib/http/errors';

// The browser's side of the cart API. Every cart change answers the whole cart, which goes to the visitor store so
// the header's count follows without fetching again.

export type { Cart, CartItem } from '@/lib/cart';

export type CartAnswer =
  { ok: true; cart: Cart } | { ok: false; status: number; code: string; message: string };

export async function callCartApi(
  path: string,
  init: { method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'; body?: unknown } = {},
): Promise<CartAnswer> {
  try {
    const response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store',
    });
    if (response.ok) {
      const cart = (await response.json()) as Cart;
      if (init.method && init.method !== 'GET') cartChanged(cart);
      return { ok: true, cart };
    }
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    return {
      ok: false,
      status: response.status,
      code: body?.error.code ?? 'error',
      message: body?.error.message ?? 'Something went wrong. Please try again.',
    };
  } catch {
    return { ok: false, status: 0, code: 'network', message: 'You seem to be offline. Please try again.' };
  }
}

export const addToCart = (productId: string, quantity: number) =>
  callCartApi('/api/cart/items', { method: 'POST', body: { productId, quantity } });

export const setCartQuantity = (productId: string, quantity: number) =>
  callCartApi(`/api/cart/items/${encodeURIComponent(productId)}`, { method: 'PATCH', body: { quantity } });

export const removeFromCart = (productId: string) =>
  callCartApi(`/api/cart/items/${encodeURIComponent(productId)}`, { method: 'DELETE' });

export const fetchCart = () => callCartApi('/api/cart');

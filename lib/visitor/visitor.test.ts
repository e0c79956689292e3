import { describe, expect, it } from 'vitest';
import { GET as session } from '@/app/api/session/route';
import { apiRequest } from '@/lib/auth/testing';
import { getCartStore } from '@/lib/cart';
import { guestCartSetCookie, newGuestId, sealGuestId } from '@/lib/cart/cookie';
import { makeProducts, signedUpUser } from '@/lib/cart/testing';

async function visitor(cookie?: string) {
  const response = await session(apiRequest('/api/session', { cookie }));
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toContain('no-store');
  return response.json();
}

describe('GET /api/session', () => {
  it('tells a visitor without cookies nothing but an empty cart', async () => {
    expect(await visitor()).toEqual({ user: null, cartCount: 0 });
  });

  it("counts the units in a guest's cart", async () => {
    const [product, other] = await makeProducts([
      { priceCents: 500, stock: 10 },
      { priceCents: 700, stock: 10 },
    ]);
    const guestId = newGuestId();
    await getCartStore().add({ kind: 'guest', guestId }, product!.id, 2, 99);
    await getCartStore().add({ kind: 'guest', guestId }, other!.id, 3, 99);
    const cookie = guestCartSetCookie(await sealGuestId(guestId), false).split(';')[0];
    expect(await visitor(cookie)).toEqual({ user: null, cartCount: 5 });
  });

  it('names the signed-in user and counts their own cart, on any device', async () => {
    const [product] = await makeProducts([{ priceCents: 500, stock: 10 }]);
    const { userId, email, cookie } = await signedUpUser();
    await getCartStore().add({ kind: 'user', userId }, product!.id, 4, 99);
    expect(await visitor(cookie)).toEqual({
      user: { id: userId, email, name: 'Cart Test', role: 'shopper', tier: 'standard' },
      cartCount: 4,
    });
  });
});

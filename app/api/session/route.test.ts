import { describe, expect, it } from 'vitest';
import { apiRequest, sessionCookieFrom, uniqueEmail } from '@/test/auth';
import { getCartStore } from '@/lib/cart';
import { guestCartSetCookie, newGuestId, sealGuestId } from '@/lib/cart/cookie';
import { makeProducts, signedUpUser } from '@/test/cart';
import { POST as logout } from '../auth/logout/route';
import { POST as register } from '../auth/register/route';
import { GET as session } from './route';

async function signUp(email = uniqueEmail()) {
  const response = await register(
    apiRequest('/api/auth/register', { body: { email, password: 'a long enough password', name: 'Sam' } }),
  );
  return sessionCookieFrom(response);
}

describe('GET /api/session', () => {
  it('answers the signed-in user, kept by no cache', async () => {
    const email = uniqueEmail();
    const response = await session(apiRequest('/api/session', { cookie: await signUp(email) }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = await response.json();
    expect(body).toEqual({
      user: { id: expect.any(String), email, name: 'Sam', role: 'shopper', tier: 'standard' },
      cartCount: 0,
    });
  });

  it('answers user: null to a visitor without a cookie, and sets none', async () => {
    const response = await session(apiRequest('/api/session'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ user: null, cartCount: 0 });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('clears the cookie of a session that is gone, and of a cookie that does not open', async () => {
    const cookie = await signUp();
    await logout(apiRequest('/api/auth/logout', { method: 'POST', cookie }));
    for (const stale of [cookie, 'sid=garbage']) {
      const response = await session(apiRequest('/api/session', { cookie: stale }));
      expect(await response.json()).toEqual({ user: null, cartCount: 0 });
      expect(response.headers.get('set-cookie')).toMatch(/^sid=; Path=\/; Max-Age=0/);
    }
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
    const response = await session(apiRequest('/api/session', { cookie }));
    expect(await response.json()).toEqual({ user: null, cartCount: 5 });
  });

  it("counts the signed-in user's own cart, the same on every device", async () => {
    const [product] = await makeProducts([{ priceCents: 500, stock: 10 }]);
    const { userId, cookie } = await signedUpUser();
    await getCartStore().add({ kind: 'user', userId }, product!.id, 4, 99);
    const response = await session(apiRequest('/api/session', { cookie }));
    expect(await response.json()).toMatchObject({ user: { id: userId }, cartCount: 4 });
  });
});

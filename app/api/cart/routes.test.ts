import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiRequest } from '@/test/auth';
import { makeProducts, setCookieFor, setTier, signedUpUser, TEST_PASSWORD } from '@/test/cart';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from '@/lib/http/peer-address';
import { POST as login } from '../auth/login/route';
import { POST as register } from '../auth/register/route';
import { DELETE as removeItem, PATCH as updateItem } from './items/[productId]/route';
import { POST as addItem } from './items/route';
import { GET as getCart } from './route';

type CartBody = {
  items: Array<{
    productId: string;
    quantity: number;
    unitPriceCents: number;
    lineTotalCents: number;
    status: string;
    stock: number;
  }>;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
  itemCount: number;
  canCheckout: boolean;
};

const params = (productId: string) => ({ params: Promise.resolve({ productId }) });

async function add(productId: string, quantity: number, cookie?: string | null, extra: object = {}) {
  return addItem(apiRequest('/api/cart/items', { body: { productId, quantity, ...extra }, cookie }));
}

async function cartOf(cookie: string | null): Promise<CartBody> {
  const response = await getCart(apiRequest('/api/cart', { cookie }));
  expect(response.status).toBe(200);
  return response.json();
}

/** A guest with a cart holding `lines`: the cart cookie. */
async function guestWith(lines: Array<[string, number]>): Promise<string> {
  let cookie: string | null = null;
  for (const [productId, quantity] of lines) {
    const response = await add(productId, quantity, cookie);
    expect(response.status).toBe(200);
    cookie = setCookieFor(response, 'cart') ?? cookie;
  }
  if (!cookie) throw new Error('no cart cookie');
  return cookie;
}

describe('GET /api/cart', () => {
  it('answers an empty cart to a visitor and sets no cookie', async () => {
    const response = await getCart(apiRequest('/api/cart'));
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.json()).toMatchObject({
      items: [],
      subtotalCents: 0,
      discountCents: 0,
      shippingCents: 0,
      totalCents: 0,
      currency: 'USD',
      canCheckout: false,
    });
  });

  it('reads a cookie it cannot open as no cart at all', async () => {
    const body = await cartOf('cart=Fe26.2*forged*value');
    expect(body.items).toEqual([]);
  });
});

describe('POST /api/cart/items', () => {
  it('makes a bounded number of new guest carts per client an hour: 429 with Retry-After past it', async () => {
    recordPeerAddresses();
    const [product] = await makeProducts([{ priceCents: 100, stock: 10 }]);
    const client = `2001:db8:${randomBytes(2).toString('hex')}:1`;
    const fromClient = (host: string) =>
      addItem(
        apiRequest('/api/cart/items', {
          body: { productId: product!.id, quantity: 1 },
          headers: { [PEER_ADDRESS_HEADER]: `${client}:${host}` },
        }),
      );
    // Each address of the /64 is the same client.
    for (let i = 0; i < env.GUEST_CARTS_PER_IP_PER_HOUR; i += 1) {
      expect((await fromClient(`${i.toString(16)}::1`)).status).toBe(200);
    }
    const refused = await fromClient('ffff::1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect(refused.headers.getSetCookie()).toEqual([]);
    // A cart the client already has still takes lines.
    const [other] = await makeProducts([{ priceCents: 100, stock: 10 }]);
    const owned = await guestWith([[other!.id, 1]]);
    expect((await add(other!.id, 1, owned)).status).toBe(200);
  });

  it('creates a guest cart and a sealed, HttpOnly, Lax cookie on the first add', async () => {
    const [product] = await makeProducts([{ priceCents: 1250, stock: 10 }]);
    const first = await add(product!.id, 2);
    expect(first.status).toBe(200);
    const line = first.headers.getSetCookie().find((value) => value.startsWith('cart='));
    expect(line).toMatch(/^cart=[\w-]{8}\.[\w-]+; /);
    expect(line).toContain('HttpOnly');
    expect(line).toContain('SameSite=Lax');
    expect(line).toContain(`Max-Age=${7 * 24 * 3600}`);
    const cookie = setCookieFor(first, 'cart')!;
    const body = await cartOf(cookie);
    expect(body.items).toEqual([
      expect.objectContaining({
        productId: product!.id,
        quantity: 2,
        unitPriceCents: 1250,
        lineTotalCents: 2500,
        stock: 10,
        status: 'available',
      }),
    ]);
    expect(body).toMatchObject({
      subtotalCents: 2500,
      discountCents: 0,
      shippingCents: 795,
      totalCents: 3295,
      itemCount: 2,
    });
  });

  it('ignores a price the client sends', async () => {
    const [product] = await makeProducts([{ priceCents: 9900, stock: 5 }]);
    const response = await add(product!.id, 1, null, { unitPriceCents: 1, totalCents: 1 });
    const body: CartBody = await response.json();
    expect(body.items[0]?.unitPriceCents).toBe(9900);
    expect(body.totalCents).toBe(9900);
  });

  it('answers 404 for an unknown product and 400 with fields for a bad quantity, writing nothing', async () => {
    const unknown = await add('no-such-product', 1);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('set-cookie')).toBeNull();
    const [product] = await makeProducts([{ priceCents: 100, stock: 5 }]);
    for (const quantity of [0, 100, 1.5, '2']) {
      const response = await addItem(
        apiRequest('/api/cart/items', { body: { productId: product!.id, quantity } }),
      );
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(Object.keys(error.fields)).toEqual(['quantity']);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('answers 409 insufficient_stock past the stock, counting what is already in the cart', async () => {
    const [product] = await makeProducts([{ priceCents: 100, stock: 3 }]);
    const cookie = await guestWith([[product!.id, 2]]);
    const response = await add(product!.id, 2, cookie);
    expect(response.status).toBe(409);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: 'insufficient_stock', available: 3, inCart: 2 });
    expect((await cartOf(cookie)).items[0]?.quantity).toBe(2);
  });

  it('refuses a cross-site add with 403', async () => {
    const [product] = await makeProducts([{ priceCents: 100, stock: 3 }]);
    const response = await addItem(
      apiRequest('/api/cart/items', {
        body: { productId: product!.id, quantity: 1 },
        headers: { origin: 'https://evil.example' },
      }),
    );
    expect(response.status).toBe(403);
  });

  it('keeps a signed-in cart under the user, the same on every device, with no cart cookie', async () => {
    const [product] = await makeProducts([{ priceCents: 100, stock: 30 }]);
    const user = await signedUpUser();
    const response = await add(product!.id, 1, user.cookie);
    expect(setCookieFor(response, 'cart')).toBeNull();
    const second = await login(
      apiRequest('/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } }),
    );
    const otherDevice = setCookieFor(second, 'sid')!;
    await add(product!.id, 4, otherDevice);
    expect((await cartOf(user.cookie)).items[0]?.quantity).toBe(5);
  });

  it('loses no quantity when a cart gets parallel adds', async () => {
    const [product] = await makeProducts([{ priceCents: 100, stock: 99 }]);
    const user = await signedUpUser();
    const responses = await Promise.all(Array.from({ length: 15 }, () => add(product!.id, 3, user.cookie)));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect((await cartOf(user.cookie)).items[0]?.quantity).toBe(45);
  });
});

describe('PATCH and DELETE /api/cart/items/[productId]', () => {
  it('sets a quantity, removes at 0 and on DELETE', async () => {
    const [a, b] = await makeProducts([
      { priceCents: 100, stock: 10 },
      { priceCents: 200, stock: 10 },
    ]);
    const cookie = await guestWith([
      [a!.id, 1],
      [b!.id, 1],
    ]);
    const patched = await updateItem(
      apiRequest(`/api/cart/items/${a!.id}`, { method: 'PATCH', body: { quantity: 6 }, cookie }),
      params(a!.id),
    );
    expect(patched.status).toBe(200);
    expect(
      ((await patched.json()) as CartBody).items.find((item) => item.productId === a!.id)?.quantity,
    ).toBe(6);
    const tooMany = await updateItem(
      apiRequest(`/api/cart/items/${a!.id}`, { method: 'PATCH', body: { quantity: 11 }, cookie }),
      params(a!.id),
    );
    expect(tooMany.status).toBe(409);
    await updateItem(
      apiRequest(`/api/cart/items/${a!.id}`, { method: 'PATCH', body: { quantity: 0 }, cookie }),
      params(a!.id),
    );
    const deleted = await removeItem(
      apiRequest(`/api/cart/items/${b!.id}`, { method: 'DELETE', cookie }),
      params(b!.id),
    );
    expect(deleted.status).toBe(200);
    expect(((await deleted.json()) as CartBody).items).toEqual([]);
  });

  it('creates nothing for a visitor without a cart', async () => {
    const response = await removeItem(
      apiRequest('/api/cart/items/anything', { method: 'DELETE' }),
      params('anything'),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('cart contents from PostgreSQL at read time', () => {
  it('shows a product that went out of stock or vanished, leaves it out of the totals and blocks checkout', async () => {
    const [kept, soldOut, gone] = await makeProducts([
      { priceCents: 1000, stock: 5 },
      { priceCents: 2000, stock: 5 },
      { priceCents: 3000, stock: 5 },
    ]);
    const user = await signedUpUser();
    for (const product of [kept, soldOut, gone]) await add(product!.id, 1, user.cookie);
    await db.product.update({ where: { id: soldOut!.id }, data: { stock: 0 } });
    await db.product.delete({ where: { id: gone!.id } });
    const body = await cartOf(user.cookie);
    const status = Object.fromEntries(body.items.map((item) => [item.productId, item.status]));
    expect(status).toEqual({
      [kept!.id]: 'available',
      [soldOut!.id]: 'out_of_stock',
      [gone!.id]: 'unavailable',
    });
    expect(body.subtotalCents).toBe(1000);
    expect(body.canCheckout).toBe(false);
  });

  it('reprices on the next request after a tier change: 10% off rounded half up, free shipping', async () => {
    const [product] = await makeProducts([{ priceCents: 1005, stock: 20 }]);
    const user = await signedUpUser();
    await add(product!.id, 1, user.cookie);
    expect(await cartOf(user.cookie)).toMatchObject({
      subtotalCents: 1005,
      discountCents: 0,
      shippingCents: 795,
      totalCents: 1800,
    });
    await setTier(user.userId, 'premium');
    // 10% of 1005 is 100.5: rounded half up to 101.
    expect(await cartOf(user.cookie)).toMatchObject({
      subtotalCents: 1005,
      discountCents: 101,
      shippingCents: 0,
      totalCents: 904,
    });
  });
});

describe('guest cart at sign-in', () => {
  it('merges into the user cart at login, capped at stock, and removes the guest cart and its cookie', async () => {
    const [plenty, scarce] = await makeProducts([
      { priceCents: 100, stock: 50 },
      { priceCents: 100, stock: 4 },
    ]);
    const user = await signedUpUser();
    await add(scarce!.id, 3, user.cookie);
    const guestCookie = await guestWith([
      [plenty!.id, 2],
      [scarce!.id, 3],
    ]);
    const response = await login(
      apiRequest('/api/auth/login', {
        body: { email: user.email, password: TEST_PASSWORD },
        cookie: guestCookie,
      }),
    );
    expect(response.status).toBe(200);
    expect(setCookieFor(response, 'cart')).toBe('cart=');
    const sid = setCookieFor(response, 'sid')!;
    const quantities = Object.fromEntries(
      (await cartOf(sid)).items.map((item) => [item.productId, item.quantity]),
    );
    expect(quantities).toEqual({ [plenty!.id]: 2, [scarce!.id]: 4 });
    // The guest cart is gone, not just forgotten by the browser.
    expect((await cartOf(guestCookie)).items).toEqual([]);
  });

  it('merges at registration too', async () => {
    const [product] = await makeProducts([{ priceCents: 100, stock: 5 }]);
    const guestCookie = await guestWith([[product!.id, 2]]);
    const response = await register(
      apiRequest('/api/auth/register', {
        body: { email: `new-${Date.now()}@test.example`, password: TEST_PASSWORD, name: 'New' },
        cookie: guestCookie,
      }),
    );
    expect(response.status).toBe(201);
    expect(setCookieFor(response, 'cart')).toBe('cart=');
    const body = await cartOf(setCookieFor(response, 'sid'));
    expect(body.items.map((item) => item.quantity)).toEqual([2]);
  });
});

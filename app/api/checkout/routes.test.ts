import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest } from '@/test/auth';
import { getCartStore } from '@/lib/cart';
import { makeProducts, signedUpUser } from '@/test/cart';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { TEST_CARDS } from '@/lib/payments/schema';
import { POST as paymentsRoute } from '../internal/payments/route';
import { GET as getOrder } from '../orders/[id]/route';
import { GET as listOrders } from '../orders/route';
import { POST as checkout } from './route';

// The checkout reaches the payments service over real HTTP, as in production: a server on a free local port
// serves the payments route handler, and PAYMENTS_URL points at it for this file.
let server: Server;
const previousUrl = env.PAYMENTS_URL;

beforeAll(async () => {
  server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const response = await paymentsRoute(
      new Request(`http://127.0.0.1${incoming.url}`, {
        method: incoming.method,
        headers: incoming.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      }),
    );
    outgoing.writeHead(response.status, { 'content-type': 'application/json' });
    outgoing.end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  env.PAYMENTS_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/internal/payments`;
});

afterAll(async () => {
  env.PAYMENTS_URL = previousUrl;
  await new Promise((resolve) => server.close(resolve));
});

const nextYear = new Date().getUTCFullYear() + 1;
const body = (number: string = TEST_CARDS.approved) => ({
  shippingAddress: {
    name: 'Grace Hopper',
    line1: '2 Compiler Road',
    city: 'Arlington',
    postalCode: '22201',
    country: 'US',
  },
  card: { number, expMonth: 1, expYear: nextYear, cvc: '999' },
});

function post(cookie: string | null, payload: unknown = body(), headers: Record<string, string> = {}) {
  return checkout(
    apiRequest('/api/checkout', {
      body: payload,
      cookie,
      headers: { 'idempotency-key': `key-${crypto.randomUUID()}`, ...headers },
    }),
  );
}

async function shopperWithCart() {
  const [product] = await makeProducts([{ priceCents: 4200, stock: 5 }]);
  const user = await signedUpUser();
  await getCartStore().add({ kind: 'user', userId: user.userId }, product!.id, 1, 99);
  return { ...user, productId: product!.id };
}

describe('POST /api/checkout', () => {
  it('answers 201 with the paid order, over HTTP to the payments service', async () => {
    const shopper = await shopperWithCart();
    const response = await post(shopper.cookie);
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const { order } = await response.json();
    expect(order).toMatchObject({
      status: 'paid',
      subtotalCents: 4200,
      discountCents: 0,
      shippingCents: 795,
      totalCents: 4995,
      items: [{ productId: shopper.productId, quantity: 1, unitPriceCents: 4200 }],
      payment: { brand: 'visa', last4: '4242' },
    });
    expect(order.createdAt).toEqual(expect.any(String));
  });

  it('answers a repeated Idempotency-Key with the same order', async () => {
    const shopper = await shopperWithCart();
    const headers = { 'idempotency-key': 'same-key-for-both' };
    const first = await post(shopper.cookie, body(), headers);
    const second = await post(shopper.cookie, body(), headers);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await second.json()).order.id).toBe((await first.json()).order.id);
    expect(await db.order.count({ where: { userId: shopper.userId } })).toBe(1);
  });

  it('answers 402 card_declined for the declined test card', async () => {
    const shopper = await shopperWithCart();
    const response = await post(shopper.cookie, body(TEST_CARDS.declined));
    expect(response.status).toBe(402);
    expect((await response.json()).error.code).toBe('card_declined');
    expect(await db.order.count({ where: { userId: shopper.userId } })).toBe(0);
  });

  it('answers 400 with fields for a missing Idempotency-Key or bad input, 401 signed out, 403 cross-site', async () => {
    const shopper = await shopperWithCart();
    const missingKey = await checkout(apiRequest('/api/checkout', { body: body(), cookie: shopper.cookie }));
    expect(missingKey.status).toBe(400);
    expect(Object.keys((await missingKey.json()).error.fields)).toEqual(['idempotency-key']);

    const bad = await post(shopper.cookie, {
      shippingAddress: { name: '', line1: 'x', city: 'y', postalCode: '!', country: 'z' },
      card: { number: '1234', expMonth: 13, expYear: 2001, cvc: '1' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual([
      'card.cvc',
      'card.expMonth',
      'card.expYear',
      'card.number',
      'shippingAddress.name',
      'shippingAddress.postalCode',
    ]);

    expect((await post(null)).status).toBe(401);
    expect((await post(shopper.cookie, body(), { origin: 'https://evil.example' })).status).toBe(403);
    expect(await db.order.count({ where: { userId: shopper.userId } })).toBe(0);
  });

  it('answers 409 out_of_stock with the short lines in fields', async () => {
    const shopper = await shopperWithCart();
    await db.product.update({ where: { id: shopper.productId }, data: { stock: 0 } });
    const response = await post(shopper.cookie);
    expect(response.status).toBe(409);
    const { error } = await response.json();
    expect(error.code).toBe('out_of_stock');
    expect(Object.keys(error.fields)).toEqual([shopper.productId]);
  });
});

describe('GET /api/orders and /api/orders/[id]', () => {
  it('lists the user’s orders and answers 404 for another user’s', async () => {
    const shopper = await shopperWithCart();
    const { order } = await (await post(shopper.cookie)).json();
    const list = await listOrders(apiRequest('/api/orders?page=1&pageSize=5', { cookie: shopper.cookie }));
    expect(await list.json()).toEqual({
      items: [
        {
          id: order.id,
          status: 'paid',
          totalCents: 4995,
          currency: 'USD',
          createdAt: order.createdAt,
          itemCount: 1,
        },
      ],
      page: 1,
      pageSize: 5,
      total: 1,
    });
    const own = await getOrder(apiRequest(`/api/orders/${order.id}`, { cookie: shopper.cookie }), {
      params: Promise.resolve({ id: order.id }),
    });
    expect(own.status).toBe(200);
    const stranger = await signedUpUser();
    const other = await getOrder(apiRequest(`/api/orders/${order.id}`, { cookie: stranger.cookie }), {
      params: Promise.resolve({ id: order.id }),
    });
    expect(other.status).toBe(404);
    for (const malformed of ['\u0000', 'a'.repeat(65), 'x%y', '']) {
      const answer = await getOrder(apiRequest('/api/orders/x', { cookie: shopper.cookie }), {
        params: Promise.resolve({ id: malformed }),
      });
      expect(answer.status, JSON.stringify(malformed)).toBe(400);
      expect((await answer.json()).error.code).toBe('validation_failed');
    }
    expect((await listOrders(apiRequest('/api/orders'))).status).toBe(401);
  });
});

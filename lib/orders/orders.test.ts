import { describe, expect, it } from 'vitest';
import { POST as paymentsRoute } from '@/app/api/internal/payments/route';
import { getCartStore } from '@/lib/cart';
import { makeProducts, signedUpUser } from '@/test/cart';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import { createPaymentsClient } from '@/lib/payments/client';
import { TEST_CARDS } from '@/lib/payments/schema';
import {
  getOrder,
  lastShippingAddress,
  listOrders,
  placeOrder,
  releaseStaleReservations,
  STALE_RESERVATION_MS,
  type Shopper,
} from './index';
import { createRateLimiter } from '@/lib/rate-limit';
import { getRedis } from '@/lib/redis';
import { testPrefix } from '@/test/redis';
import type { CheckoutLimits } from './limits';
import { checkoutSchema } from './schema';

const nextYear = new Date().getUTCFullYear() + 1;
const address = {
  name: 'Ada Lovelace',
  line1: '1 Analytical Way',
  city: 'London',
  postalCode: 'N1 7AA',
  country: 'UK',
};
const checkout = (number: string = TEST_CARDS.approved) =>
  checkoutSchema.parse({
    shippingAddress: address,
    card: { number, expMonth: 12, expYear: nextYear, cvc: '123' },
  });

/** The payments service called through its route handler (service token and all), counting the charges. */
function countingPayments() {
  let charges = 0;
  const payments = createPaymentsClient({
    url: 'http://payments.test/api/internal/payments',
    send: async (request) => {
      charges += 1;
      return paymentsRoute(request);
    },
  });
  return { payments, charges: () => charges };
}

const unreachablePayments = createPaymentsClient({ url: 'http://127.0.0.1:1/api/internal/payments' });

async function shopperWith(
  lines: Array<[string, number]>,
  tier: Shopper['tier'] = 'standard',
): Promise<Shopper> {
  const { userId } = await signedUpUser();
  for (const [productId, quantity] of lines)
    await getCartStore().add({ kind: 'user', userId }, productId, quantity, 99);
  return { id: userId, tier };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const stockOf = async (id: string) => (await db.product.findUniqueOrThrow({ where: { id } })).stock;
const ordersOf = (userId: string) => db.order.count({ where: { userId } });
const key = () => `key-${crypto.randomUUID()}`;

describe('placeOrder', () => {
  it('never oversells: N parallel checkouts of a product with stock k give exactly k paid orders and stock 0', async () => {
    const [product] = await makeProducts([{ priceCents: 1500, stock: 3 }]);
    const shoppers = await Promise.all(Array.from({ length: 8 }, () => shopperWith([[product!.id, 1]])));
    const { payments } = countingPayments();
    const results = await Promise.allSettled(
      shoppers.map((shopper) => placeOrder(shopper, checkout(), key(), { payments })),
    );
    const paid = results.filter((result) => result.status === 'fulfilled');
    expect(paid).toHaveLength(3);
    for (const result of results) {
      if (result.status === 'rejected') expect((result.reason as AppError).code).toBe('out_of_stock');
    }
    expect(await stockOf(product!.id)).toBe(0);
    expect(
      await db.order.count({ where: { items: { some: { productId: product!.id } }, status: 'paid' } }),
    ).toBe(3);
  });

  it('makes one order and one charge for parallel submits with the same Idempotency-Key', async () => {
    const [product] = await makeProducts([{ priceCents: 2000, stock: 10 }]);
    const shopper = await shopperWith([[product!.id, 2]]);
    const { payments, charges } = countingPayments();
    const same = key();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => placeOrder(shopper, checkout(), same, { payments })),
    );
    expect(new Set(results.map((result) => result.order.id)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect(charges()).toBe(1);
    expect(await ordersOf(shopper.id)).toBe(1);
    expect(await stockOf(product!.id)).toBe(8);
    // Later too: the key answers with the same order, and nothing is charged again.
    const again = await placeOrder(shopper, checkout(), same, { payments });
    expect(again).toMatchObject({ replayed: true, order: { id: results[0]!.order.id, status: 'paid' } });
    expect(charges()).toBe(1);
  });

  it('answers the order of a submit with the same key that was paid and emptied the cart in the meantime', async () => {
    const [product] = await makeProducts([{ priceCents: 2000, stock: 10 }]);
    const shopper = await shopperWith([[product!.id, 1]]);
    const { payments, charges } = countingPayments();
    const same = key();
    const store = getCartStore();
    // The late submit finds no order under the key yet; its cart read then waits until the other submit has paid.
    let reading!: () => void;
    let release!: () => void;
    const readStarted = new Promise<void>((resolve) => (reading = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const lateStore = {
      ...store,
      read: async (owner: Parameters<typeof store.read>[0]) => {
        reading();
        await released;
        return store.read(owner);
      },
    };
    const late = placeOrder(shopper, checkout(), same, { payments, cartStore: lateStore });
    await readStarted;
    const first = await placeOrder(shopper, checkout(), same, { payments });
    release();
    expect(await late).toMatchObject({ replayed: true, order: { id: first.order.id, status: 'paid' } });
    expect(charges()).toBe(1);
    expect(await ordersOf(shopper.id)).toBe(1);
  });

  it('stores snapshots, totals, the address and only brand and last 4 of the card, and empties the cart', async () => {
    const [mug, lamp] = await makeProducts([
      { priceCents: 1005, stock: 10 },
      { priceCents: 2500, stock: 10 },
    ]);
    const shopper = await shopperWith([
      [mug!.id, 3],
      [lamp!.id, 1],
    ]);
    const { order } = await placeOrder(shopper, checkout(), key(), countingPayments());
    expect(order).toMatchObject({
      status: 'paid',
      subtotalCents: 5515,
      discountCents: 0,
      shippingCents: 795,
      totalCents: 6310,
      shippingAddress: address,
      payment: { brand: 'visa', last4: '4242' },
    });
    await db.product.update({ where: { id: mug!.id }, data: { priceCents: 9999, name: 'Renamed' } });
    const stored = await getOrder(shopper.id, order.id);
    expect(stored?.items.find((item) => item.productId === mug!.id)).toMatchObject({
      unitPriceCents: 1005,
      quantity: 3,
    });
    const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(JSON.stringify(row)).not.toContain(TEST_CARDS.approved);
    expect((await getCartStore().read({ kind: 'user', userId: shopper.id })).size).toBe(0);
    expect(await lastShippingAddress(shopper.id)).toEqual(address);
  });

  it('prices for premium: 10% off the subtotal rounded half up, free shipping', async () => {
    const [product] = await makeProducts([{ priceCents: 1005, stock: 10 }]);
    const shopper = await shopperWith([[product!.id, 3]], 'premium');
    const { order } = await placeOrder(shopper, checkout(), key(), countingPayments());
    // 10% of 3015 is 301.5: rounded half up to 302.
    expect(order).toMatchObject({
      subtotalCents: 3015,
      discountCents: 302,
      shippingCents: 0,
      totalCents: 2713,
    });
  });

  it('leaves no order and the stock as it was when the card is declined', async () => {
    const [product] = await makeProducts([{ priceCents: 1000, stock: 4 }]);
    const shopper = await shopperWith([[product!.id, 2]]);
    const error = await failure(
      placeOrder(shopper, checkout(TEST_CARDS.declined), key(), countingPayments()),
    );
    expect(error.code).toBe('card_declined');
    expect(error.status).toBe(402);
    expect(await ordersOf(shopper.id)).toBe(0);
    expect(await stockOf(product!.id)).toBe(4);
    expect((await getCartStore().read({ kind: 'user', userId: shopper.id })).get(product!.id)).toBe(2);
  });

  it('gives the stock back and answers 503 when the payments service cannot be reached', async () => {
    const [product] = await makeProducts([{ priceCents: 1000, stock: 4 }]);
    const shopper = await shopperWith([[product!.id, 1]]);
    const error = await failure(placeOrder(shopper, checkout(), key(), { payments: unreachablePayments }));
    expect(error.code).toBe('service_unavailable');
    expect(await ordersOf(shopper.id)).toBe(0);
    expect(await stockOf(product!.id)).toBe(4);
  });

  it('answers 409 out_of_stock naming every short line, and writes nothing', async () => {
    const [plenty, scarce, gone] = await makeProducts([
      { priceCents: 100, stock: 10 },
      { priceCents: 100, stock: 1 },
      { priceCents: 100, stock: 5 },
    ]);
    const shopper = await shopperWith([
      [plenty!.id, 2],
      [scarce!.id, 2],
      [gone!.id, 1],
    ]);
    await db.product.delete({ where: { id: gone!.id } });
    const { charges, payments } = countingPayments();
    const error = await failure(placeOrder(shopper, checkout(), key(), { payments }));
    expect(error.code).toBe('out_of_stock');
    expect(Object.keys(error.options.fields ?? {}).sort()).toEqual([gone!.id, scarce!.id].sort());
    expect(error.message).toContain(scarce!.name);
    expect(charges()).toBe(0);
    expect(await ordersOf(shopper.id)).toBe(0);
    expect(await stockOf(plenty!.id)).toBe(10);
    expect(await stockOf(scarce!.id)).toBe(1);
  });

  it('refuses a user the database knows is banned, writing nothing', async () => {
    const [product] = await makeProducts([{ priceCents: 100, stock: 5 }]);
    const shopper = await shopperWith([[product!.id, 1]]);
    await db.user.update({ where: { id: shopper.id }, data: { bannedAt: new Date() } });
    const error = await failure(placeOrder(shopper, checkout(), key(), countingPayments()));
    expect(error.status).toBe(403);
    expect(await ordersOf(shopper.id)).toBe(0);
    expect(await stockOf(product!.id)).toBe(5);
  });

  it("refuses a JWT-lab user's order, taking no stock", async () => {
    const [product] = await makeProducts([{ priceCents: 100, stock: 5 }]);
    const shopper = await shopperWith([[product!.id, 1]]);
    await db.user.update({ where: { id: shopper.id }, data: { isLabUser: true } });
    const payments = countingPayments();
    const error = await failure(placeOrder(shopper, checkout(), key(), payments));
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/Lab accounts/);
    expect(await ordersOf(shopper.id)).toBe(0);
    expect(await stockOf(product!.id)).toBe(5);
  });

  it('refuses an empty cart', async () => {
    const shopper = await shopperWith([]);
    expect((await failure(placeOrder(shopper, checkout(), key(), countingPayments()))).status).toBe(400);
  });
});

describe('checkout velocity', () => {
  /** Budgets of their own, small where the test needs them. */
  function limits(budgets: Partial<Record<keyof CheckoutLimits, number>>): CheckoutLimits {
    const prefix = testPrefix('checkout-limits');
    const hourly = (name: keyof CheckoutLimits) =>
      createRateLimiter({
        redis: getRedis(),
        prefix,
        name: name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
        limit: budgets[name] ?? 1000,
        windowSeconds: 3600,
      });
    return {
      attemptsPerUser: hourly('attemptsPerUser'),
      attemptsPerIp: hourly('attemptsPerIp'),
      declinesPerUser: hourly('declinesPerUser'),
      declinesPerIp: hourly('declinesPerIp'),
    };
  }

  async function stockedShopper(ip: string | null = null): Promise<Shopper & { productId: string }> {
    const [product] = await makeProducts([{ priceCents: 500, stock: 100 }]);
    return { ...(await shopperWith([[product!.id, 1]])), ip, productId: product!.id };
  }

  it('refuses a card tester past its declines with 429 before the card is charged; paid orders are no decline', async () => {
    const shopper = await stockedShopper();
    const counting = countingPayments();
    const dependencies = { payments: counting.payments, limits: limits({ declinesPerUser: 2 }) };
    await placeOrder(shopper, checkout(), key(), dependencies);
    await getCartStore().add({ kind: 'user', userId: shopper.id }, shopper.productId, 1, 99);
    for (let i = 0; i < 2; i += 1) {
      expect(
        (await failure(placeOrder(shopper, checkout(TEST_CARDS.declined), key(), dependencies))).code,
      ).toBe('card_declined');
    }
    const refused = await failure(placeOrder(shopper, checkout(), key(), dependencies));
    expect(refused.status).toBe(429);
    expect(refused.message).toMatch(/declined cards on this account/);
    expect(Number(refused.options.headers?.['Retry-After'])).toBeGreaterThan(0);
    expect(counting.charges()).toBe(3);
  });

  it('gives parallel declined submits no more charges than the budget', async () => {
    const shopper = await stockedShopper();
    const counting = countingPayments();
    const dependencies = { payments: counting.payments, limits: limits({ declinesPerUser: 2 }) };
    const errors = await Promise.all(
      Array.from({ length: 5 }, () =>
        failure(placeOrder(shopper, checkout(TEST_CARDS.declined), key(), dependencies)),
      ),
    );
    expect(errors.map((error) => error.code).sort()).toEqual([
      'card_declined',
      'card_declined',
      'rate_limited',
      'rate_limited',
      'rate_limited',
    ]);
    expect(counting.charges()).toBe(2);
  });

  it('counts declines per client IP across accounts, and other clients go on', async () => {
    const dependencies = { ...countingPayments(), limits: limits({ declinesPerIp: 2 }) };
    for (let i = 0; i < 2; i += 1) {
      const shopper = await stockedShopper('203.0.113.77');
      expect(
        (await failure(placeOrder(shopper, checkout(TEST_CARDS.declined), key(), dependencies))).code,
      ).toBe('card_declined');
    }
    const sameClient = await stockedShopper('203.0.113.77');
    expect((await failure(placeOrder(sameClient, checkout(), key(), dependencies))).message).toMatch(
      /declined cards from this network/,
    );
    const elsewhere = await stockedShopper('203.0.113.78');
    expect((await placeOrder(elsewhere, checkout(), key(), dependencies)).order.status).toBe('paid');
  });

  it('limits checkout attempts per user, and a repeated submit that finds its order counts nothing', async () => {
    const shopper = await stockedShopper();
    const dependencies = { ...countingPayments(), limits: limits({ attemptsPerUser: 1 }) };
    const same = key();
    await placeOrder(shopper, checkout(), same, dependencies);
    expect((await placeOrder(shopper, checkout(), same, dependencies)).replayed).toBe(true);
    await getCartStore().add({ kind: 'user', userId: shopper.id }, shopper.productId, 1, 99);
    const refused = await failure(placeOrder(shopper, checkout(), key(), dependencies));
    expect(refused.code).toBe('rate_limited');
    expect(refused.message).toMatch(/checkouts from this account/);
  });
});

describe('listOrders and getOrder', () => {
  it('lists newest first, paginated, and hides other users’ orders', async () => {
    const [product] = await makeProducts([{ priceCents: 100, stock: 20 }]);
    const shopper = await shopperWith([]);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      await getCartStore().add({ kind: 'user', userId: shopper.id }, product!.id, 1, 99);
      ids.push((await placeOrder(shopper, checkout(), key(), countingPayments())).order.id);
    }
    const first = await listOrders(shopper.id, { page: 1, pageSize: 2 });
    expect(first.total).toBe(3);
    expect(first.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    expect((await listOrders(shopper.id, { page: 2, pageSize: 2 })).items.map((item) => item.id)).toEqual([
      ids[0],
    ]);
    const stranger = await shopperWith([]);
    expect(await getOrder(stranger.id, ids[0]!)).toBeNull();
    expect((await listOrders(stranger.id, { page: 1, pageSize: 10 })).total).toBe(0);
  });
});

describe('releaseStaleReservations', () => {
  /** A reservation as reserve() leaves it (stock taken, order pending) by a process that then stopped. */
  async function leftPending(
    productId: string,
    quantity: number,
    ageMs: number,
    owner: { userId?: string; idempotencyKey?: string } = {},
  ) {
    const userId = owner.userId ?? (await signedUpUser()).userId;
    await db.product.update({ where: { id: productId }, data: { stock: { decrement: quantity } } });
    return db.order.create({
      data: {
        userId,
        status: 'pending',
        totalCents: 100 * quantity,
        idempotencyKey: owner.idempotencyKey ?? key(),
        createdAt: new Date(Date.now() - ageMs),
        items: { create: { productId, productName: 'Held', unitPriceCents: 100, quantity } },
      },
    });
  }

  it('gives back the stock of a reservation a stopped process left pending, once, and keeps a live one', async () => {
    const [product] = await makeProducts([{ priceCents: 100, stock: 10 }]);
    const stale = await leftPending(product!.id, 3, STALE_RESERVATION_MS + 60_000);
    const live = await leftPending(product!.id, 2, 1_000);
    expect(await stockOf(product!.id)).toBe(5);

    await Promise.all([releaseStaleReservations(), releaseStaleReservations()]);
    expect(await stockOf(product!.id)).toBe(8);
    expect(await db.order.findUnique({ where: { id: stale.id } })).toBeNull();
    expect((await db.order.findUniqueOrThrow({ where: { id: live.id } })).status).toBe('pending');
  });

  it('frees the Idempotency-Key of a stale reservation: the next checkout with it goes through', async () => {
    const [product] = await makeProducts([{ priceCents: 100, stock: 4 }]);
    const shopper = await shopperWith([[product!.id, 1]]);
    const heldKey = key();
    await leftPending(product!.id, 1, STALE_RESERVATION_MS + 60_000, {
      userId: shopper.id,
      idempotencyKey: heldKey,
    });
    const { payments } = countingPayments();
    const placed = await placeOrder(shopper, checkout(), heldKey, { payments });
    expect(placed).toMatchObject({ replayed: false, order: { status: 'paid' } });
    expect(await stockOf(product!.id)).toBe(3);
    expect(await ordersOf(shopper.id)).toBe(1);
  });
});

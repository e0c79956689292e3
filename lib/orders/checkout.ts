import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { getCartStore, type CartStore } from '@/lib/cart';
import { db } from '@/lib/db';
import { isDatabaseRefusal } from '@/lib/db/errors';
import type { Prisma } from '@/lib/db/generated/client';
import { AppError, type FieldErrors } from '@/lib/http/errors';
import { createPaymentsClient, PaymentServiceError, type PaymentsClient } from '@/lib/payments/client';
import { cardBrand, cardLast4 } from '@/lib/payments/schema';
import type { Tier } from '@/lib/access';
import { priceLines, type Totals } from '@/lib/pricing';
import { isBanned } from '@/lib/access';
import {
  createCheckoutLimits,
  spendCheckoutBudget,
  type CheckoutBudget,
  type CheckoutLimits,
} from './limits';
import { revalidateProductStock } from './revalidate';
import type { CheckoutInput } from './schema';
import { toOrderView, WITH_ITEMS, type OrderView, type OrderWithItems } from './view';

// A checkout first reserves: one PostgreSQL transaction inserts the order (pending) under the user's
// Idempotency-Key, takes each line's stock with a conditional decrement (never oversold, never negative) and
// snapshots names, prices and totals. Only then is the card charged, over HTTP; approval marks the order paid and
// empties the cart, a decline or a failed call deletes the order and gives the stock back. The unique
// (userId, idempotencyKey) index makes a repeated or parallel submit with the same key wait for and return the
// first one's order: the database decides, not a check-then-insert.

/**
 * Who is checking out, as the live session says: the tier prices the order. `ip`, the client's (lib/http/client-ip),
 * adds a per-client budget of checkouts and declined cards to the user's own (./limits.ts).
 */
export type Shopper = { id: string; tier: Tier; ip?: string | null };

type CheckoutDependencies = {
  payments?: PaymentsClient;
  cartStore?: CartStore;
  limits?: CheckoutLimits;
};

// A submit that finds its key taken waits this long for the first one's payment to settle.
const SETTLE_WAIT_MS = 20_000;
const SETTLE_POLL_MS = 100;
// Many checkouts of one product queue on its row lock; each holds it only for its own short transaction.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

async function findByKey(userId: string, idempotencyKey: string): Promise<OrderWithItems | null> {
  return db.order.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
    include: WITH_ITEMS,
  });
}

/** The order made with this key once its payment has settled, or null when there is none (or it was declined). */
async function settledOrder(userId: string, idempotencyKey: string): Promise<OrderWithItems | null> {
  const deadline = Date.now() + SETTLE_WAIT_MS;
  for (;;) {
    const order = await findByKey(userId, idempotencyKey);
    if (!order || order.status !== 'pending') return order;
    if (Date.now() > deadline) {
      throw new AppError(
        'conflict',
        'This checkout is still being processed. Please try again in a moment.',
        {
          headers: { 'Retry-After': '2' },
        },
      );
    }
    await sleep(SETTLE_POLL_MS);
  }
}

type ReservedLine = { productId: string; slug: string; name: string; priceCents: number; quantity: number };
type Reservation = { orderId: string; totals: Totals; currency: string; lines: ReservedLine[] };
type ReleasedLine = Pick<ReservedLine, 'productId' | 'slug' | 'quantity'>;

// The payment call gives up after 10 s (lib/payments/client.ts), so a reservation pending for this long belongs to a
// process that stopped between reserving and settling (a crash, a killed deploy) and would hold its stock forever.
export const STALE_RESERVATION_MS = 15 * 60_000;
const STALE_BATCH = 20;

/**
 * Gives back the stock of reservations a stopped process left pending, oldest first, a batch at a time. Every
 * checkout runs it before reserving, so stock held that way returns before it is next needed. Returns how many.
 */
export async function releaseStaleReservations(now: number = Date.now()): Promise<number> {
  const stale = await db.order.findMany({
    where: { status: 'pending', createdAt: { lt: new Date(now - STALE_RESERVATION_MS) } },
    orderBy: { createdAt: 'asc' },
    take: STALE_BATCH,
    select: {
      id: true,
      items: { select: { productId: true, quantity: true, product: { select: { slug: true } } } },
    },
  });
  for (const order of stale) {
    const lines = order.items.map((item) => ({ ...item, slug: item.product.slug }));
    await release({ orderId: order.id, lines });
  }
  return stale.length;
}

async function outOfStock(
  tx: Prisma.TransactionClient,
  short: { productId: string; quantity: number }[],
): Promise<AppError> {
  const products = await tx.product.findMany({
    where: { id: { in: short.map((line) => line.productId) } },
    select: { id: true, name: true, stock: true },
  });
  const byId = new Map(products.map((product) => [product.id, product]));
  const fields: FieldErrors = {};
  const names: string[] = [];
  for (const line of short) {
    const product = byId.get(line.productId);
    names.push(product?.name ?? 'a product that is no longer sold');
    fields[line.productId] = [
      !product
        ? 'This product is no longer available.'
        : product.stock <= 0
          ? `${product.name} is out of stock.`
          : `Only ${product.stock} of ${product.name} left; your cart has ${line.quantity}.`,
    ];
  }
  return new AppError(
    'out_of_stock',
    `Not enough stock for: ${names.join(', ')}. Update your cart and try again.`,
    {
      fields,
    },
  );
}

/** The reserving transaction; null when another request already holds this Idempotency-Key. */
async function reserve(
  shopper: Shopper,
  input: CheckoutInput,
  idempotencyKey: string,
  cartStore: CartStore,
): Promise<Reservation | null> {
  const cart = await cartStore.read({ kind: 'user', userId: shopper.id });
  if (cart.size === 0) {
    // A submit with the same key may have been paid, and emptied the cart, since this one looked for its order:
    // answer with that order (the caller looks again) rather than with an empty cart.
    if (await findByKey(shopper.id, idempotencyKey)) return null;
    throw new AppError('bad_request', 'Your cart is empty.');
  }
  // One lock order for every checkout, so two carts with the same products cannot deadlock.
  const productIds = [...cart.keys()].sort();
  try {
    return await db.$transaction(async (tx) => {
      // The session said this user may shop; the database has the last word (a ban written a moment ago).
      const user = await tx.user.findUnique({
        where: { id: shopper.id },
        select: { bannedAt: true, bannedUntil: true, isLabUser: true },
      });
      if (!user) throw new AppError('unauthenticated', 'Sign in to continue.');
      // Throwaway accounts of the JWT lab exist to show sessions, not to buy: they never take stock.
      if (user.isLabUser) throw new AppError('forbidden', 'Lab accounts cannot place orders.');
      const ban = {
        bannedAt: user.bannedAt?.getTime() ?? null,
        bannedUntil: user.bannedUntil?.getTime() ?? null,
      };
      if (isBanned(ban)) throw new AppError('banned', 'This account has been suspended.');

      // Inserted first: a second request with the same key waits here on the unique index, before taking stock.
      const order = await tx.order.create({
        data: {
          userId: shopper.id,
          idempotencyKey,
          status: 'pending',
          totalCents: 0,
          shippingAddress: input.shippingAddress,
        },
        select: { id: true },
      });

      const lines: ReservedLine[] = [];
      const short: { productId: string; quantity: number }[] = [];
      for (const productId of productIds) {
        const quantity = cart.get(productId) ?? 0;
        const [taken] = await tx.$queryRaw<Omit<ReservedLine, 'quantity' | 'productId'>[]>`
          UPDATE "Product" SET "stock" = "stock" - ${quantity}, "updatedAt" = now()
          WHERE "id" = ${productId} AND "stock" >= ${quantity}
          RETURNING "slug", "name", "priceCents"`;
        if (taken) lines.push({ productId, quantity, ...taken });
        else short.push({ productId, quantity });
      }
      if (short.length) throw await outOfStock(tx, short);

      const totals = priceLines(
        lines.map((line) => ({ unitPriceCents: line.priceCents, quantity: line.quantity })),
        shopper.tier,
      );
      await tx.orderItem.createMany({
        data: lines.map((line) => ({
          orderId: order.id,
          productId: line.productId,
          productName: line.name,
          unitPriceCents: line.priceCents,
          quantity: line.quantity,
        })),
      });
      const { currency } = await tx.order.update({
        where: { id: order.id },
        data: totals,
        select: { currency: true },
      });
      return { orderId: order.id, totals, currency, lines };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (isDatabaseRefusal(error, 'unique')) return null;
    throw error;
  }
}

/**
 * Undoes a reservation whose payment did not go through: the order is deleted and its stock given back. Safe to run
 * twice or from two processes: only the one that deletes the pending order gives the stock back.
 */
async function release(reservation: Pick<Reservation, 'orderId'> & { lines: ReleasedLine[] }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.order.deleteMany({ where: { id: reservation.orderId, status: 'pending' } });
    if (count === 0) return;
    for (const line of reservation.lines) {
      await tx.$executeRaw`UPDATE "Product" SET "stock" = "stock" + ${line.quantity}, "updatedAt" = now()
        WHERE "id" = ${line.productId}`;
    }
  }, TRANSACTION_OPTIONS);
  await revalidateProductStock(reservation.lines.map((line) => line.slug));
}

async function pay(
  shopper: Shopper,
  reservation: Reservation,
  input: CheckoutInput,
  payments: PaymentsClient,
  cartStore: CartStore,
): Promise<OrderView> {
  await revalidateProductStock(reservation.lines.map((line) => line.slug));
  let status: 'approved' | 'declined';
  let reference: string;
  try {
    ({ status, reference } = await payments.charge({
      amountCents: reservation.totals.totalCents,
      currency: reservation.currency,
      orderId: reservation.orderId,
      card: input.card,
    }));
  } catch (error) {
    await release(reservation);
    if (!(error instanceof PaymentServiceError)) throw error;
    console.error(error.message);
    throw new AppError(
      'service_unavailable',
      'Payment is unavailable right now. Nothing was charged; please try again.',
      {
        headers: { 'Retry-After': '5' },
      },
    );
  }
  if (status === 'declined') {
    await release(reservation);
    throw new AppError('card_declined', 'Your card was declined. Nothing was charged: try another card.');
  }
  const order = await db.order.update({
    where: { id: reservation.orderId },
    data: {
      status: 'paid',
      paymentBrand: cardBrand(input.card.number),
      paymentLast4: cardLast4(input.card.number),
      paymentReference: reference,
    },
    include: WITH_ITEMS,
  });
  try {
    await cartStore.clear({ kind: 'user', userId: shopper.id });
  } catch (error) {
    // The order is paid; a cart left full is an annoyance, not a reason to report a failure.
    console.error('The cart could not be emptied after a paid order.', error);
  }
  return toOrderView(order);
}

type PlacedOrder = { order: OrderView; replayed: boolean };

/** Checks out the shopper's cart. The same Idempotency-Key always answers with the same order, charged once. */
export async function placeOrder(
  shopper: Shopper,
  input: CheckoutInput,
  idempotencyKey: string,
  dependencies: CheckoutDependencies = {},
): Promise<PlacedOrder> {
  const payments = dependencies.payments ?? createPaymentsClient();
  const cartStore = dependencies.cartStore ?? getCartStore();
  const limits = dependencies.limits ?? createCheckoutLimits();
  await releaseStaleReservations();
  // Spent before the first reservation, not by a submit that only finds its order; a decline keeps its count.
  let budget: CheckoutBudget | null = null;
  try {
    // Twice at most: a key found taken by a request whose card was then declined is free again.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const previous = await settledOrder(shopper.id, idempotencyKey);
      if (previous) return { order: toOrderView(previous), replayed: true };
      budget ??= await spendCheckoutBudget(limits, { userId: shopper.id, ip: shopper.ip ?? null });
      const reservation = await reserve(shopper, input, idempotencyKey, cartStore);
      if (reservation)
        return { order: await pay(shopper, reservation, input, payments, cartStore), replayed: false };
    }
    throw new AppError('conflict', 'This checkout is already being processed. Please try again in a moment.');
  } catch (error) {
    if (error instanceof AppError && error.code === 'card_declined') budget = null;
    throw error;
  } finally {
    await budget?.giveBackDecline();
  }
}

import { randomUUID } from 'node:crypto';
import { TEST_CARDS } from '../../lib/payments/schema';
import type { BanRecord, CheckoutRecord, RequestRecord } from './checks';
import { json, ShopperClient, TimeUp, type Call, type Reply } from './client';

// The mixed shopper workload: a fixed number of virtual shoppers, each visit after visit until the time is up, and
// one admin who bans some of them mid-visit. Each request goes to a random instance, so a session made on one is
// used on the other. A visit: sign up or sign in again (some stay guests), browse, fill the cart, check out (now and
// then a declined card, a retried or double-submitted Idempotency-Key), look at the orders, sign out or just leave.

export type CatalogProduct = { id: string; slug: string; categorySlug: string; stock: number };

export type WorkloadOptions = {
  urls: string[];
  seconds: number;
  shoppers: number;
  banEverySeconds: number;
  products: CatalogProduct[];
  admin: { email: string; password: string };
};

export type WorkloadResult = {
  requests: RequestRecord[];
  checkouts: CheckoutRecord[];
  bans: BanRecord[];
  /** performance.now() at the start, and the span from there to the last answer, in ms. */
  startedAt: number;
  elapsedMs: number;
  registered: number;
  signedInAgain: number;
};

type Account = { email: string; password: string; userId: string };

const ADDRESS = {
  name: 'Bench Shopper',
  line1: '1 Load Street',
  city: 'Loopback',
  postalCode: '12345',
  country: 'Benchland',
};
const REQUEST_TIMEOUT_MS = 30_000;
// What every page view asks once: who is signed in, and the cart count.
const SESSION: Call = { kind: 'browse', route: 'GET /api/session', path: '/api/session', access: 'session' };
// Bans stop this long before the end, so every banned shopper still sends requests after its ban.
const LAST_BAN_BEFORE_END_MS = 5_000;

const chance = (p: number) => Math.random() < p;
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runWorkload(options: WorkloadOptions): Promise<WorkloadResult> {
  const requests: RequestRecord[] = [];
  const checkouts: CheckoutRecord[] = [];
  const bans: BanRecord[] = [];
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const settings = { urls: options.urls, deadline, timeoutMs: REQUEST_TIMEOUT_MS, recorded: requests };
  const signedOut: Account[] = [];
  // Signed in right now, in the middle of a visit: the admin bans among these.
  const inVisit = new Set<string>();
  const banned = new Set<string>();
  const counts = { registered: 0, signedInAgain: 0 };
  const inStock = options.products.filter((product) => product.stock > 0);
  const categories = [...new Set(options.products.map((product) => product.categorySlug))];
  const nextYear = new Date().getUTCFullYear() + 1;

  async function signUp(client: ShopperClient): Promise<Account | null> {
    const id = randomUUID();
    const account = { email: `load-${id}@bench.example`, password: `pw-${id}`, userId: '' };
    const reply = await client.send({
      kind: 'sign-in',
      route: 'POST /api/auth/register',
      path: '/api/auth/register',
      method: 'POST',
      access: 'public',
      body: { email: account.email, password: account.password, name: `Shopper ${id.slice(0, 8)}` },
    });
    const user = json<{ user: { id: string } }>(reply)?.user;
    if (reply.status !== 201 || !user) return null;
    counts.registered += 1;
    client.userId = user.id;
    return { ...account, userId: user.id };
  }

  async function signIn(client: ShopperClient, account: Account): Promise<Reply> {
    client.userId = account.userId;
    return client.send({
      kind: 'sign-in',
      route: 'POST /api/auth/login',
      path: '/api/auth/login',
      method: 'POST',
      access: 'login',
      body: { email: account.email, password: account.password },
    });
  }

  async function browse(client: ShopperClient): Promise<void> {
    const category = pick(categories);
    await client.send({ kind: 'browse', route: 'GET /', path: '/', access: 'public' });
    await client.send(SESSION);
    await client.send({
      kind: 'browse',
      route: 'GET /categories/[slug]',
      path: `/categories/${category}`,
      access: 'public',
    });
    await client.send({
      kind: 'browse',
      route: 'GET /api/products',
      path: `/api/products?category=${category}`,
      access: 'public',
    });
    for (let i = 0; i < 2; i++) {
      const product = pick(options.products);
      await client.send({
        kind: 'browse',
        route: 'GET /products/[slug]',
        path: `/products/${product.slug}`,
        access: 'public',
      });
    }
    await client.send(SESSION);
  }

  async function checkout(client: ShopperClient, account: Account): Promise<string | null> {
    const idempotencyKey = randomUUID();
    const card = chance(0.1) ? TEST_CARDS.declined : TEST_CARDS.approved;
    const submit = async (mode: CheckoutRecord['mode']) => {
      const reply = await client.send({
        kind: 'checkout',
        route: 'POST /api/checkout',
        path: '/api/checkout',
        method: 'POST',
        access: 'private',
        headers: { 'Idempotency-Key': idempotencyKey },
        body: {
          shippingAddress: ADDRESS,
          card: { number: card, expMonth: 12, expYear: nextYear, cvc: '123' },
        },
      });
      const body = json<{ order?: { id: string }; error?: { code: string; message: string } }>(reply);
      const orderId = reply.status === 201 ? (body?.order?.id ?? null) : null;
      const error = body?.error ? `${body.error.code} “${body.error.message}”` : null;
      checkouts.push({ userId: account.userId, idempotencyKey, status: reply.status, orderId, error, mode });
      return orderId;
    };
    // Now and then the same key twice at once (a double click), or again after the answer (a retry).
    if (chance(0.15)) {
      const [first, second] = await Promise.all([submit('together'), submit('together')]);
      return first ?? second;
    }
    const orderId = await submit('once');
    if (orderId && chance(0.2)) await submit('again');
    return orderId;
  }

  async function visit(client: ShopperClient): Promise<void> {
    client.reset();
    if (chance(0.15)) return browse(client);
    let account: Account | null;
    if (signedOut.length > 0 && chance(0.35)) {
      account = signedOut.splice(Math.floor(Math.random() * signedOut.length), 1)[0] as Account;
      const reply = await signIn(client, account);
      if (reply.status !== 200) return;
      counts.signedInAgain += 1;
    } else {
      account = await signUp(client);
      if (!account) return;
    }
    const own = account;
    inVisit.add(own.userId);
    // Refused (a ban, a revoked session): sign in again once, as a person would; the visit goes on either way.
    let triedAgain = false;
    let refusedSignIn = false;
    const send = async (call: Call) => {
      const reply = await client.send(call);
      if ((reply.status === 401 || reply.status === 403) && !triedAgain) {
        triedAgain = true;
        refusedSignIn = (await signIn(client, own)).status !== 200;
      }
      return reply;
    };
    const addToCart = async () => {
      const product = chance(0.9) && inStock.length > 0 ? pick(inStock) : pick(options.products);
      const reply = await send({
        kind: 'cart',
        route: 'POST /api/cart/items',
        path: '/api/cart/items',
        method: 'POST',
        access: 'cart-write',
        body: { productId: product.id, quantity: 1 + Math.floor(Math.random() * 2) },
      });
      return reply.status === 200;
    };
    const viewCart = () =>
      send({ kind: 'cart', route: 'GET /api/cart', path: '/api/cart', access: 'cart-read' });
    const viewOrders = async () => {
      await send({ kind: 'orders', route: 'GET /api/orders', path: '/api/orders', access: 'private' });
      await send({ kind: 'orders', route: 'GET /orders', path: '/orders', access: 'page' });
    };
    const viewAccount = () =>
      send({ kind: 'orders', route: 'GET /account', path: '/account', access: 'page' });

    try {
      await browse(client);
      let added = 0;
      for (let line = 0, lines = 1 + Math.floor(Math.random() * 3); line < lines; line++) {
        if (await addToCart()) added += 1;
      }
      await viewCart();
      const orderId = added > 0 || refusedSignIn ? await checkout(client, own) : null;
      await viewOrders();
      if (orderId) {
        await send({
          kind: 'orders',
          route: 'GET /api/orders/[id]',
          path: `/api/orders/${orderId}`,
          access: 'private',
        });
        await send({ kind: 'orders', route: 'GET /orders/[id]', path: `/orders/${orderId}`, access: 'page' });
      }
      if (chance(0.3)) await viewAccount();
      // A banned shopper, told so when it signed in again, keeps trying its way in with the cookie it had.
      if (refusedSignIn) {
        await client.send(SESSION);
        await addToCart();
        await viewCart();
        await checkout(client, own);
        await viewOrders();
        await viewAccount();
      }
      if (chance(0.6)) {
        await client.send({
          kind: 'sign-in',
          route: 'POST /api/auth/logout',
          path: '/api/auth/logout',
          method: 'POST',
          access: 'public',
        });
        if (!refusedSignIn) signedOut.push(own);
      }
    } finally {
      inVisit.delete(own.userId);
    }
  }

  async function shopper(): Promise<void> {
    const client = new ShopperClient(settings);
    for (;;) {
      try {
        await visit(client);
      } catch (error) {
        if (error instanceof TimeUp) return;
        throw error;
      }
    }
  }

  async function admin(): Promise<void> {
    const client = new ShopperClient(settings);
    const reply = await client.send({
      kind: 'admin',
      route: 'POST /api/auth/login',
      path: '/api/auth/login',
      method: 'POST',
      access: 'public',
      body: options.admin,
    });
    if (reply.status !== 200) throw new Error(`The admin's sign-in answered ${reply.status}: ${reply.text}`);
    while (performance.now() + options.banEverySeconds * 1000 < deadline - LAST_BAN_BEFORE_END_MS) {
      await sleep(options.banEverySeconds * 1000);
      const candidates = [...inVisit].filter((userId) => !banned.has(userId));
      if (candidates.length === 0) continue;
      const userId = pick(candidates);
      banned.add(userId);
      const ban = await client.send({
        kind: 'admin',
        route: 'POST /api/admin/users/[id]/ban',
        path: `/api/admin/users/${userId}/ban`,
        method: 'POST',
        access: 'public',
        body: { reason: 'Load bench', durationSeconds: null },
      });
      bans.push({
        userId,
        startedAt: ban.record.startedAt,
        returnedAt: ban.record.answeredAt,
        status: ban.status,
      });
    }
  }

  await Promise.all([admin(), ...Array.from({ length: options.shoppers }, shopper)]);
  const lastAnswer = requests.reduce(
    (last, request) => Math.max(last, request.startedAt + request.latencyMs),
    started,
  );
  return { requests, checkouts, bans, startedAt: started, elapsedMs: lastAnswer - started, ...counts };
}

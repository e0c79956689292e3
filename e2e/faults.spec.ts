import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { e2eEnv } from '../playwright.config';
import { startPrivateRedis, type PrivateRedis } from '../test/private-redis';
import { startInstance, startTcpProxy, type Instance, type TcpProxy } from './fixtures/instances';
import { DEMO_ADMIN, newCredentials } from './fixtures/users';
import { expect, test } from '@playwright/test';

// Two `next start` instances (A and B) of the e2e build share a private redis-server and the e2e database; A reaches
// PostgreSQL through a TCP proxy this spec can cut. The spec freezes, kills and restarts that Redis, cuts the
// database, and ends with a SIGTERM. It never touches the shared Redis or PostgreSQL servers themselves.

test.describe.configure({ mode: 'serial', timeout: 180_000 });

// Products no other spec looks at: this one's stock changes here.
const PRODUCT = 'camp-enamel-mug';

let redis: PrivateRedis;
let database: TcpProxy;
let a: Instance;
let b: Instance;
let sql: pg.Client;

const sessionCookie = (response: Response) =>
  response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('sid='))
    ?.split(';')[0];

async function call(
  instance: Instance,
  path: string,
  options: { method?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${instance.url}${path}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    redirect: 'manual',
  });
}

async function register(instance: Instance): Promise<{ cookie: string; id: string; email: string }> {
  const credentials = newCredentials();
  const response = await call(instance, '/api/auth/register', { method: 'POST', body: credentials });
  expect(response.status, await response.clone().text()).toBe(201);
  const { user } = (await response.json()) as { user: { id: string } };
  return { cookie: sessionCookie(response) as string, id: user.id, email: credentials.email };
}

async function login(instance: Instance, credentials: { email: string; password: string }): Promise<string> {
  const response = await call(instance, '/api/auth/login', { method: 'POST', body: credentials });
  expect(response.status, await response.clone().text()).toBe(200);
  return sessionCookie(response) as string;
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

async function productId(instance: Instance): Promise<string> {
  const response = await call(instance, `/api/products/${PRODUCT}`);
  return ((await response.json()) as { product: { id: string } }).product.id;
}

/** Puts `quantity` of the spec's product in the cart of the session behind `cookie`; the answer's status. */
async function addToCart(instance: Instance, cookie: string, quantity: number): Promise<number> {
  const body = { productId: await productId(instance), quantity };
  return (await call(instance, '/api/cart/items', { method: 'POST', cookie, body })).status;
}

async function stockInDatabase(): Promise<number> {
  return Number((await sql.query('SELECT stock FROM "Product" WHERE slug = $1', [PRODUCT])).rows[0].stock);
}

/** The answer and how long it took, printed: the fault budget is about 2 seconds an answer. */
async function timed(label: string, request: Promise<Response>): Promise<Response> {
  const started = performance.now();
  const response = await request;
  console.log(`${label}: ${response.status} in ${Math.round(performance.now() - started)} ms`);
  return response;
}

test.beforeAll(async () => {
  redis = await startPrivateRedis();
  database = await startTcpProxy(Number(new URL(e2eEnv.DATABASE_URL as string).port || 5432));
  const viaProxy = new URL(e2eEnv.DATABASE_URL as string);
  viaProxy.port = String(database.port);
  const prefix = `${e2eEnv.REDIS_KEY_PREFIX}faults:`;
  [a, b] = await Promise.all([
    startInstance({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, DATABASE_URL: viaProxy.toString() }),
    startInstance({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix }),
  ]);
  sql = new pg.Client({ connectionString: e2eEnv.DATABASE_URL });
  await sql.connect();
});

test.afterAll(async () => {
  await Promise.all([a?.terminate(), b?.terminate()]);
  await sql?.end();
  await redis?.remove();
  await database?.cut();
});

test('a session made on one instance works on the other; changes through one are seen by the other at once', async () => {
  const shopper = await register(a);
  expect((await call(b, '/api/me', { cookie: shopper.cookie })).status).toBe(200);
  const admin = await login(b, DEMO_ADMIN);

  const tier = await call(b, `/api/admin/users/${shopper.id}`, {
    method: 'PATCH',
    cookie: admin,
    body: { tier: 'premium' },
  });
  expect(tier.status).toBe(200);
  const me = (await (await call(a, '/api/me', { cookie: shopper.cookie })).json()) as {
    user: { tier: string };
  };
  expect(me.user.tier).toBe('premium');

  const logout = await call(a, '/api/auth/logout', { method: 'POST', cookie: shopper.cookie });
  expect(logout.status).toBe(204);
  expect((await call(b, '/api/me', { cookie: shopper.cookie })).status).toBe(401);

  const other = await register(b);
  const revoke = await call(a, `/api/admin/users/${other.id}/revoke-sessions`, {
    method: 'POST',
    cookie: await login(a, DEMO_ADMIN),
  });
  expect(revoke.status).toBe(204);
  expect((await call(b, '/api/me', { cookie: other.cookie })).status).toBe(401);

  const banned = await register(a);
  const ban = await call(b, `/api/admin/users/${banned.id}/ban`, {
    method: 'POST',
    cookie: admin,
    body: { reason: 'Several instances test', durationSeconds: null },
  });
  expect(ban.status).toBe(200);
  const refused = await call(a, '/api/me', { cookie: banned.cookie });
  expect(refused.status).toBe(403);
  expect(await errorCode(refused)).toBe('banned');
});

test('the open-tab event of a change made through one instance reaches a tab served by the other', async () => {
  const shopper = await register(a);
  const events = await call(a, '/api/account/events', { cookie: shopper.cookie });
  expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = (events.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const states: string[] = [];
  let buffer = '';
  const nextState = async (): Promise<string> => {
    for (;;) {
      const match = /data: (\{.*\})\n\n/.exec(buffer);
      if (match) {
        buffer = buffer.slice(match.index + match[0].length);
        return (JSON.parse(match[1] as string) as { status: string }).status;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
  states.push(await nextState());
  const ban = await call(b, `/api/admin/users/${shopper.id}/ban`, {
    method: 'POST',
    cookie: await login(b, DEMO_ADMIN),
    body: { reason: 'Open-tab event test', durationSeconds: 3600 },
  });
  expect(ban.status).toBe(200);
  states.push(await nextState());
  await reader.cancel();
  // The tab learns it was banned, though the ban's event runs a moment before the database commits: the other
  // instance takes the ban state from the Redis record the same Lua step wrote (lib/session banOf).
  expect(states).toEqual(['active', 'banned']);
});

test('a stock change made through one instance shows on the next catalog request of the other', async () => {
  const pageStock = async (instance: Instance) => {
    const html = await (await call(instance, `/products/${PRODUCT}`)).text();
    const message = /data-testid="stock-message"[^>]*>(.*?)<\/p>/.exec(html)?.[1]?.replace(/<!-- -->/g, '');
    return Number(/(\d+)/.exec(message ?? '')?.[1]);
  };
  const apiStock = async (instance: Instance) =>
    ((await (await call(instance, `/api/products/${PRODUCT}`)).json()) as { product: { stock: number } })
      .product.stock;
  const admin = await login(a, DEMO_ADMIN);
  const setStock = async (stock: number) =>
    expect(
      (await call(a, `/api/admin/products/${PRODUCT}`, { method: 'PATCH', cookie: admin, body: { stock } }))
        .status,
    ).toBe(200);
  const original = await stockInDatabase();
  // Written through the same path first: a page an earlier run left in the build folder is expired too.
  await setStock(original);
  // Both instances hold the page and the product in their caches.
  expect(await pageStock(b)).toBe(original);
  expect(await apiStock(b)).toBe(original);
  const changed = original + 17;
  try {
    await setStock(changed);
    expect(await pageStock(b)).toBe(changed);
    expect(await apiStock(b)).toBe(changed);
  } finally {
    await setStock(original);
  }
  expect(await pageStock(b)).toBe(original);
});

test('Redis frozen: signed-in answers are 503 within the timeout, the catalog stays open, and it recovers by itself', async () => {
  const shopper = await register(a);
  const id = await productId(a);
  expect(await addToCart(a, shopper.cookie, 1)).toBe(200);

  redis.freeze();
  try {
    const me = await timed('A /api/me, Redis frozen, first', call(a, '/api/me', { cookie: shopper.cookie }));
    expect(me.status).toBe(503);
    expect(await errorCode(me)).toBe('session_store_unavailable');
    const again = await timed(
      'A /api/me, Redis frozen, next',
      call(a, '/api/me', { cookie: shopper.cookie }),
    );
    expect(again.status).toBe(503);

    // The proxy answers the page before it streams: a real 503 and the friendly page.
    const page = await timed('A /account, Redis frozen', call(a, '/account', { cookie: shopper.cookie }));
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('verify your session right now');

    const writes = await Promise.all([
      call(a, '/api/cart/items', {
        method: 'POST',
        cookie: shopper.cookie,
        body: { productId: id, quantity: 1 },
      }),
      call(a, '/api/checkout', {
        method: 'POST',
        cookie: shopper.cookie,
        headers: { 'idempotency-key': randomUUID() },
        body: {},
      }),
      call(a, '/api/auth/login', { method: 'POST', body: DEMO_ADMIN }),
    ]);
    for (const response of writes) {
      expect(response.status).toBe(503);
      expect(await errorCode(response)).toBe('session_store_unavailable');
    }
    // Instance B had not met the frozen Redis yet, so its page starts streaming (200 sent) before the gate waits
    // out one command timeout: the gate then sends the browser to /session-unavailable, never to the page's data.
    const streamed = await timed(
      'B /account, Redis frozen, first',
      call(b, '/account', { cookie: shopper.cookie }),
    );
    expect(streamed.status).toBe(200);
    const html = await streamed.text();
    expect(html).toContain('/session-unavailable?next=%2Faccount');
    expect(html).not.toContain(shopper.email);
    const other = await timed(
      'B /api/me, Redis frozen, next',
      call(b, '/api/me', { cookie: shopper.cookie }),
    );
    expect(other.status).toBe(503);

    // Anonymous browsing needs no Redis.
    for (const path of [
      '/',
      `/products/${PRODUCT}`,
      '/categories/kitchen',
      '/api/session',
      '/api/products',
    ]) {
      expect((await timed(`A ${path}, anonymous, Redis frozen`, call(a, path))).status, path).toBe(200);
    }
  } finally {
    redis.thaw();
  }
  // The same cookie works again, and the cart is as it was: nothing written while frozen.
  await expect
    .poll(async () => (await call(a, '/api/me', { cookie: shopper.cookie })).status, { timeout: 15_000 })
    .toBe(200);
  const cart = (await (await call(a, '/api/cart', { cookie: shopper.cookie })).json()) as {
    itemCount: number;
  };
  expect(cart.itemCount).toBe(1);
  // B finds Redis again by itself too (its background PING), and serves the page.
  await expect
    .poll(async () => (await call(b, '/account', { cookie: shopper.cookie })).status, { timeout: 15_000 })
    .toBe(200);
});

test('Redis restarted without persistence: everyone is signed out cleanly, with no 500 and no stale cart', async () => {
  const [onA, onB] = [await register(a), await register(b)];
  expect(await addToCart(a, onA.cookie, 2)).toBe(200);
  await redis.kill();
  const down = await timed('A /api/me, Redis killed', call(a, '/api/me', { cookie: onA.cookie }));
  expect(down.status).toBe(503);
  await redis.start();

  await expect
    .poll(async () => (await call(a, '/api/me', { cookie: onA.cookie })).status, { timeout: 15_000 })
    .toBe(401);
  const me = await call(a, '/api/me', { cookie: onA.cookie });
  expect(me.headers.get('set-cookie')).toMatch(/^sid=; .*Max-Age=0/);
  await expect
    .poll(async () => (await call(b, '/api/session', { cookie: onB.cookie })).status, { timeout: 15_000 })
    .toBe(200);
  const session = await call(b, '/api/session', { cookie: onB.cookie });
  expect(await session.json()).toEqual({ user: null, cartCount: 0 });
  expect(session.headers.get('set-cookie')).toMatch(/^sid=; .*Max-Age=0/);
  // The old cart is gone with the session, not shown to whoever asks next with the stale cookie.
  const cart = (await (await call(a, '/api/cart', { cookie: onA.cookie })).json()) as { itemCount: number };
  expect(cart.itemCount).toBe(0);
});

test('PostgreSQL cut off: session checks and cached catalog pages keep working, data answers 503', async () => {
  const shopper = await register(a);
  // Fill A's cache of the page first, as any visit would.
  expect((await call(a, `/products/${PRODUCT}`)).status).toBe(200);
  await database.cut();
  try {
    const session = await timed(
      'A /api/session, database cut',
      call(a, '/api/session', { cookie: shopper.cookie }),
    );
    expect(session.status).toBe(200);
    expect(((await session.json()) as { user: { id: string } }).user.id).toBe(shopper.id);
    expect((await call(a, '/api/me', { cookie: shopper.cookie })).status).toBe(200);
    for (const path of ['/', `/products/${PRODUCT}`]) {
      expect((await timed(`A ${path}, database cut`, call(a, path))).status, path).toBe(200);
    }
    const orders = await timed(
      'A /api/orders, database cut',
      call(a, '/api/orders', { cookie: shopper.cookie }),
    );
    expect(orders.status).toBe(503);
    expect(await errorCode(orders)).toBe('database_unavailable');
  } finally {
    await database.restore();
  }
  await expect
    .poll(async () => (await call(a, '/api/orders', { cookie: shopper.cookie })).status, { timeout: 15_000 })
    .toBe(200);
});

test('SIGTERM: open streams end, the request in flight is answered, no order is half written, connections close', async () => {
  const shopper = await register(b);
  expect(await addToCart(b, shopper.cookie, 1)).toBe(200);
  const stockBefore = await stockInDatabase();
  const events = await call(b, '/api/account/events', { cookie: shopper.cookie });
  const checkout = call(b, '/api/checkout', {
    method: 'POST',
    cookie: shopper.cookie,
    headers: { 'idempotency-key': randomUUID() },
    body: {
      shippingAddress: {
        name: 'T',
        line1: '1 Test Street',
        city: 'Testville',
        postalCode: '12345',
        country: 'US',
      },
      card: {
        number: '4242 4242 4242 4242',
        expMonth: 12,
        expYear: new Date().getUTCFullYear() + 2,
        cvc: '123',
      },
    },
  }).then(
    (response) => response.status,
    () => 'refused',
  );
  // Let the checkout reach the server before the signal.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const exit = b.terminate();
  // The open-tab stream ends instead of holding the drain forever.
  await expect(events.text()).resolves.toContain('"status":"active"');
  const outcome = await checkout;
  console.log(`checkout in flight at SIGTERM: ${outcome}`);
  expect(await exit).toBe(143);
  expect(b.output()).toContain('Shut down: requests drained, Redis and PostgreSQL connections closed.');

  // Whatever the outcome, the order is whole or absent: paid with its stock taken, or nothing and the stock back.
  const orders = await sql.query('SELECT status FROM "Order" WHERE "userId" = $1', [shopper.id]);
  const statuses = orders.rows.map((row: { status: string }) => row.status);
  expect(outcome === 201 ? ['paid'] : []).toEqual(statuses);
  expect(await stockInDatabase()).toBe(outcome === 201 ? stockBefore - 1 : stockBefore);
});

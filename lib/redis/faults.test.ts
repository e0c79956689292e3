import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCartStore } from '@/lib/cart/store';
import { createRedis, RedisUnavailableError, type RedisPort } from '@/lib/redis';
import { createSessionStore } from '@/lib/session/store';
import { startPrivateRedis, type PrivateRedis } from '@/test/private-redis';
import { makeSessionUser } from '@/test/session-user';

// Faults on a private redis-server of this file's own (never the shared one): frozen (SIGSTOP), killed, restarted.

const TIMEOUT_MS = 300;

function client(server: PrivateRedis): RedisPort {
  return createRedis(
    { transport: 'tcp', url: server.url, connectTimeoutMs: TIMEOUT_MS, commandTimeoutMs: TIMEOUT_MS },
    { probeIntervalMs: 100 },
  );
}

const user = () => makeSessionUser({ tier: 'premium' });

const sessionOptions = {
  prefix: 'faults:',
  idleSeconds: 600,
  browserIdleSeconds: 300,
  absoluteSeconds: 3600,
  touchSeconds: 60,
};
const meta = { ip: null, userAgent: 'fault test' };

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

// Back by itself: commands answer again, with no restart of the client.
async function recovered(redis: RedisPort): Promise<void> {
  await vi.waitFor(() => redis.ping(), { timeout: 10_000, interval: 50 });
  expect(redis.available()).toBe(true);
}

describe('Redis faults, without persistence', () => {
  let server: PrivateRedis;
  let redis: RedisPort;
  beforeAll(async () => {
    server = await startPrivateRedis();
    redis = client(server);
  });
  afterAll(async () => {
    await redis?.close();
    await server?.remove();
  });

  it('fails closed while frozen, sends nothing more once it knows, and recovers when Redis runs again', async () => {
    const store = createSessionStore({ redis, ...sessionOptions });
    const { token } = await store.createSession(user(), meta);
    const counter = `faults:counter:${randomBytes(4).toString('hex')}`;
    server.freeze();
    try {
      // The first command waits out its timeout; it was written to the socket, so Redis may still run it later.
      expect(await failure(redis.incr(counter))).toBeInstanceOf(RedisUnavailableError);
      expect(redis.available()).toBe(false);
      // Every later one fails at once, without being queued or sent: no pile-up, no ghost write after the thaw.
      const later = await Promise.all(Array.from({ length: 50 }, () => failure(redis.incr(counter))));
      for (const error of later) {
        expect(error).toBeInstanceOf(RedisUnavailableError);
        expect((error as Error).message).toMatch(/did not answer recently/);
      }
      expect(await failure(store.readSession(token))).toBeInstanceOf(RedisUnavailableError);
    } finally {
      server.thaw();
    }
    await recovered(redis);
    expect(Number(await redis.get(counter))).toBeLessThanOrEqual(1);
    expect((await store.readSession(token))?.session.userId).toBeDefined();
  });

  it('fails closed while killed; after a restart without persistence every session is gone, not an error', async () => {
    const store = createSessionStore({ redis, ...sessionOptions });
    const carts = createCartStore({ redis, prefix: 'faults:' });
    const shopper = user();
    const { token } = await store.createSession(shopper, meta);
    await carts.add({ kind: 'user', userId: shopper.id }, 'product-1', 2, 10);
    await server.kill();
    expect(await failure(store.readSession(token))).toBeInstanceOf(RedisUnavailableError);
    expect(await failure(carts.read({ kind: 'user', userId: shopper.id }))).toBeInstanceOf(
      RedisUnavailableError,
    );
    expect(redis.available()).toBe(false);
    await server.start();
    await recovered(redis);
    // Signed out cleanly: the gate reads "no session" (401 and a cleared cookie), and the cart is empty, not stale.
    expect(await store.readSession(token)).toBeNull();
    expect((await carts.read({ kind: 'user', userId: shopper.id })).size).toBe(0);
  });
});

describe('Redis faults, with persistence (appendonly yes)', () => {
  let server: PrivateRedis;
  let redis: RedisPort;
  beforeAll(async () => {
    server = await startPrivateRedis({ appendonly: true });
    redis = client(server);
  });
  afterAll(async () => {
    await redis?.close();
    await server?.remove();
  });

  it('keeps every session, cart and user record across a restart', async () => {
    const store = createSessionStore({ redis, ...sessionOptions });
    const carts = createCartStore({ redis, prefix: 'faults:' });
    const shopper = user();
    const { token, session } = await store.createSession(shopper, meta);
    await carts.add({ kind: 'user', userId: shopper.id }, 'product-1', 3, 10);
    await server.stop();
    await server.start();
    await recovered(redis);
    const lookup = await store.readSession(token);
    expect(lookup?.session.id).toBe(session.id);
    expect(lookup?.user).toEqual(shopper);
    expect(await carts.read({ kind: 'user', userId: shopper.id })).toEqual(new Map([['product-1', 3]]));
  });
});

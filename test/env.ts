import { randomBytes } from 'node:crypto';
import { DEFAULT_REDIS_URL } from '../lib/env-defaults';

// Tests get a database and a Redis key prefix of their own, and refuse to run anywhere but this machine.

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function assertLocal(url: string, what: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Refusing to run tests against ${what} on ${host}: tests only touch local services.`);
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

const runId = process.env.TEST_RUN_ID ?? randomBytes(4).toString('hex');
process.env.TEST_RUN_ID = runId;

/**
 * The e2e server's payments key, kept in the environment like TEST_RUN_ID: Playwright's workers load this file again,
 * and the API fuzz run signs service tokens with the key the server checks.
 */
export function e2ePaymentsSecret(): string {
  process.env.TEST_PAYMENTS_JWT_SECRET ??= randomBytes(32).toString('base64url');
  return process.env.TEST_PAYMENTS_JWT_SECRET;
}

/**
 * Per-client limits for a server every request reaches from 127.0.0.1 (the e2e specs, the bench's shoppers): they
 * would count the whole run as one client. The unit tests try each limit with budgets of their own.
 */
export const ONE_CLIENT_LIMITS = {
  LOGIN_MAX_FAILURES_PER_IP: '1000000',
  REGISTRATION_MAX_PER_IP: '1000000',
  GUEST_CARTS_PER_IP_PER_HOUR: '1000000',
  CHECKOUTS_PER_IP_PER_HOUR: '1000000',
  CARD_DECLINES_PER_IP_PER_HOUR: '1000000',
};

/** The environment a test kind runs with: its own database and its own key prefix for this run. */
export function testEnvironment(kind: 'unit' | 'e2e'): Record<string, string> {
  const server = process.env.TEST_DATABASE_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.TEST_REDIS_URL ?? DEFAULT_REDIS_URL;
  // TEST_DATABASE_PREFIX lets two checkouts of the project run their tests at once without sharing a database.
  const databaseUrl = withDatabase(
    server,
    `${process.env.TEST_DATABASE_PREFIX ?? 'storefront_test'}_${kind}`,
  );
  assertLocal(databaseUrl, 'PostgreSQL');
  assertLocal(redisUrl, 'Redis');
  return {
    NODE_ENV: kind === 'unit' ? 'test' : 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: `sf-test:${kind}:${runId}:`,
    // e2e serves a production build, which refuses published secrets.
    SESSION_SECRET:
      kind === 'unit'
        ? 'test-only-secret-not-for-production-use-0001'
        : randomBytes(32).toString('base64url'),
    // Every test registers its own users, far more than a real site-wide burst: no slowdown for them here
    // (lib/auth/abuse.test.ts tests the slowdown with its own limits).
    SLOWDOWN_FREE_PER_MINUTE: '1000000',
    // The e2e server is a production build; its tests sign in as the demo admin.
    DEMO_ACCOUNTS: 'on',
    // e2e serves a production build, where the mailbox is off by default; the specs read their mail from it.
    MAILBOX: 'on',
    // Mailed links and the JWT lab's next-auth base URL point at the server the browser talks to.
    ...(kind === 'e2e'
      ? { SITE_URL: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`, ...ONE_CLIENT_LIMITS }
      : {}),
    PAYMENTS_JWT_SECRET:
      kind === 'unit' ? 'test-only-payments-key-not-for-production-0001' : e2ePaymentsSecret(),
    NEXT_TELEMETRY_DISABLED: '1',
    TEST_RUN_ID: runId,
  };
}

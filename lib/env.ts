import { z } from 'zod';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from './env-defaults';

export { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL };

// Secrets that ship in this repo's docs and examples; production refuses them.
const KNOWN_DEFAULT_SECRETS = new Set([
  'dev-only-secret-change-me-dev-only-secret',
  'test-only-secret-not-for-production-use-0001',
  'dev-only-payments-key-change-me-dev-only-key',
  'test-only-payments-key-not-for-production-0001',
]);

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const optionalUrl = z.preprocess((value) => (value === '' ? undefined : value), z.url().optional());

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  // The public address, for absolute links in link previews (Open Graph images).
  SITE_URL: z.url().default(`http://localhost:${process.env.PORT ?? 3000}`),
  DATABASE_URL: z.url().default(DEFAULT_DATABASE_URL),
  REDIS_URL: z.url().default(DEFAULT_REDIS_URL),
  // Every key the app writes starts with this, so tests and several apps can share one Redis.
  REDIS_KEY_PREFIX: z
    .string()
    .min(1)
    .refine((prefix) => !/[{}]/.test(prefix), 'must not contain { or }: keys carry Redis Cluster hash tags')
    .default('sf:'),
  // Redis Cluster: comma-separated host:port of some of its nodes; the TCP transport then uses the Cluster client.
  REDIS_CLUSTER_NODES: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'expected host:port[,host:port...]')))
    .transform((nodes) =>
      nodes.map((node) => {
        const at = node.lastIndexOf(':');
        return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
      }),
    ),
  // A Redis that is down or frozen must cost a request at most one of these, never a hang (lib/redis/port.ts).
  REDIS_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  // How long a PostgreSQL connection attempt may take before the query fails with a 503.
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  UPSTASH_REDIS_REST_URL: optionalUrl,
  UPSTASH_REDIS_REST_TOKEN: z.string().optional(),
  // Comma-separated; the first seals new cookies, all of them open old ones (rotation).
  SESSION_SECRET: z.string().default('dev-only-secret-change-me-dev-only-secret'),
  SESSION_IDLE_SECONDS: seconds(7 * 24 * 3600),
  // Idle timeout of a sign-in without "Keep me signed in" (its cookie also ends with the browser).
  SESSION_BROWSER_IDLE_SECONDS: seconds(12 * 3600),
  SESSION_ABSOLUTE_SECONDS: seconds(30 * 24 * 3600),
  SESSION_TOUCH_SECONDS: seconds(60),
  // Open-tab event streams (GET /api/account/events) one session, and one user, may hold; a newer one closes the
  // oldest. Each costs a socket, a listener and a timer on its instance.
  LIVE_STREAMS_PER_SESSION: z.coerce.number().int().positive().default(4),
  LIVE_STREAMS_PER_USER: z.coerce.number().int().positive().default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_WINDOW_SECONDS: seconds(15 * 60),
  // Failed sign-ins per client (IP; an IPv6 /64) within the window; by default ten accounts' worth, for offices behind NAT.
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().optional(),
  // Registrations allowed per client IP within the window.
  REGISTRATION_MAX_PER_IP: z.coerce.number().int().positive().default(5),
  REGISTRATION_WINDOW_SECONDS: seconds(3600),
  // When the client IP is not known: registrations and failed sign-ins site-wide per minute before each further one
  // waits longer (250 ms, doubling, up to 8 s). Never a lock.
  SLOWDOWN_FREE_PER_MINUTE: z.coerce.number().int().positive().default(30),
  // New guest carts (an add to the cart without a cart cookie) per client IP per hour.
  GUEST_CARTS_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(30),
  // Checkout attempts, and declined cards among them (card testing), per user and per client IP per hour.
  CHECKOUTS_PER_USER_PER_HOUR: z.coerce.number().int().positive().default(20),
  CHECKOUTS_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(60),
  CARD_DECLINES_PER_USER_PER_HOUR: z.coerce.number().int().positive().default(5),
  CARD_DECLINES_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(15),
  // Signs the short-lived service tokens the checkout sends to the payments service (HS256). Its own key, never
  // SESSION_SECRET's; comma-separated to rotate like it (the first signs, all verify).
  PAYMENTS_JWT_SECRET: z.string().default('dev-only-payments-key-change-me-dev-only-key'),
  // Where the checkout reaches the payments service; by default this app's own route under SITE_URL.
  PAYMENTS_URL: optionalUrl,
  // Trust X-Forwarded-For only behind a proxy you run; otherwise a client could pick its own IP. Without it the
  // client IP is the socket's address (lib/http/client-ip.ts).
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  // The demo accounts have published passwords: off in production unless asked for, on elsewhere.
  DEMO_ACCOUNTS: z.enum(['on', 'off']).optional(),
  // Mail: SMTP when set (nodemailer); otherwise mail lands in the mailbox kept in PostgreSQL (lib/mail).
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().min(3).default('Northwind Supply <no-reply@northwind.test>'),
  // The mailbox page and API (/mailbox, /api/dev/mailbox): on by default, off in production unless MAILBOX=on, and
  // always off with SMTP_URL set (mail then goes out, and nothing is kept to show).
  MAILBOX: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['on', 'off']).optional()),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid environment: ${problems}. See .env.example for every setting.`);
  }
  const env = result.data;
  if (Boolean(env.UPSTASH_REDIS_REST_URL) !== Boolean(env.UPSTASH_REDIS_REST_TOKEN)) {
    throw new Error(
      'Invalid environment: set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither.',
    );
  }
  if (env.UPSTASH_REDIS_REST_URL && env.REDIS_CLUSTER_NODES.length) {
    throw new Error(
      'Invalid environment: REDIS_CLUSTER_NODES is for the TCP transport; Upstash (REST) is one logical database.',
    );
  }
  return env;
}

export const env: Env = parseEnv(process.env);

/** Whether the seed may create the demo accounts, and a server may run with them without a warning. */
export function demoAccountsAllowed(source: Pick<Env, 'NODE_ENV' | 'DEMO_ACCOUNTS'> = env): boolean {
  return (
    source.DEMO_ACCOUNTS === 'on' || (source.DEMO_ACCOUNTS === undefined && source.NODE_ENV !== 'production')
  );
}

/** Whether mail is kept for /mailbox and GET /api/dev/mailbox: never with SMTP, nor by default in production. */
export function mailboxEnabled(source: Env = env): boolean {
  if (source.SMTP_URL) return false;
  return source.MAILBOX ? source.MAILBOX === 'on' : source.NODE_ENV !== 'production';
}

export function sessionSecrets(value = env.SESSION_SECRET): string[] {
  return value
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean);
}

export function paymentsSecrets(value = env.PAYMENTS_JWT_SECRET): string[] {
  return sessionSecrets(value);
}

/** The payments service's address: PAYMENTS_URL, or the app's own route under SITE_URL. */
export function paymentsUrl(source: Env = env): string {
  return source.PAYMENTS_URL ?? new URL('/api/internal/payments', source.SITE_URL).toString();
}

const weak = (secrets: string[]) =>
  secrets.length === 0 || secrets.some((s) => s.length < 32 || KNOWN_DEFAULT_SECRETS.has(s));

// Production must not run on a missing, short or published secret: anyone could forge cookies or payment calls.
export function assertProductionSecrets(source: Env = env): void {
  if (source.NODE_ENV !== 'production') return;
  if (weak(sessionSecrets(source.SESSION_SECRET))) {
    throw new Error(
      'SESSION_SECRET must be set in production: one or more comma-separated secrets of at least 32 characters, none of them a published default. `npm run demo` writes one to .env.local.',
    );
  }
  const payments = paymentsSecrets(source.PAYMENTS_JWT_SECRET);
  const session = new Set(sessionSecrets(source.SESSION_SECRET));
  if (weak(payments) || payments.some((secret) => session.has(secret))) {
    throw new Error(
      'PAYMENTS_JWT_SECRET must be set in production: one or more comma-separated keys of at least 32 characters, none of them a published default, and not SESSION_SECRET. `npm run demo` writes one to .env.local.',
    );
  }
}

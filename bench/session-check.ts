// The in-app part: how pages are served and what the Redis session check adds. A static file, cached catalog
// pages, the session endpoint and a private JSON route, each signed in and signed out, in alternating rounds in one
// run against `next start`, with the Redis commands each request costs (counted by a relay between the server and
// Redis). Only loopback addresses are used.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { load, median, type Sample } from './load';
import { startRoundTripCounter, type RoundTripCounter } from './round-trip-counter';
import { applyMigrations, ensureDatabase } from '../lib/db/migrate';
import { seedDatabase } from '../prisma/seed';
import { deleteKeysWithPrefix } from '../scripts/redis-keys';
import { createRedis } from '@/lib/redis';
import { sealToken, sessionCookieName } from '@/lib/session/cookie';
import { createSessionStore } from '@/lib/session/store';
import { BROWSER_USER_AGENT, sessionUser } from './peers/ours';

export type AppBenchOptions = {
  port: number;
  seconds: number;
  connections: number;
  rounds: number;
  /** Requests in a run with a different signed-in visitor on each. */
  coldRequests: number;
  redisUrl: string;
  databaseUrl: string;
};

type RedisPerRequest = { commands: number; writes: number; names: string };

/** What a route stands for in the targets: the static file is the ceiling the cached catalog pages are held to. */
export type RouteKind = 'static' | 'catalog' | 'session';

type Measured = {
  name: string;
  path: string;
  kind: RouteKind;
  note: string;
  signedOut: Sample[];
  signedIn: Sample[];
  /** Signed in, a different visitor on every request (none of the routes but the static file). */
  coldSignedIn: Sample[];
  redis: { signedIn: RedisPerRequest; signedOut: RedisPerRequest };
};

export type AppBenchResult = { options: AppBenchOptions; routes: Measured[] };

function startServer(
  options: AppBenchOptions,
  redisUrl: string,
  prefix: string,
  sessionSecret: string,
): ChildProcess {
  return spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(options.port)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
      SESSION_SECRET: sessionSecret,
      PAYMENTS_JWT_SECRET: randomBytes(32).toString('base64url'),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
}

async function waitForHealth(base: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The server did not become healthy within 60 s.');
}

async function signIn(base: string): Promise<string> {
  const email = `bench-${randomBytes(6).toString('hex')}@bench.example`;
  const response = await fetch(`${base}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'bench-password-123', name: 'Bench User' }),
  });
  if (response.status !== 201) throw new Error(`register answered ${response.status}`);
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error('register set no cookie');
  return cookie.split(';')[0] as string;
}

/**
 * `count` visitors the server has never seen: a user each, signed in through lib/session's own createSession in the
 * server's Redis and sealed with its secret, as a sign-in would leave them. Made anew for every run.
 */
async function freshVisitors(options: AppBenchOptions, prefix: string, secret: string, count: number) {
  const redis = createRedis({ transport: 'tcp', url: options.redisUrl });
  const store = createSessionStore({
    redis,
    prefix,
    idleSeconds: 7 * 24 * 3600,
    browserIdleSeconds: 12 * 3600,
    absoluteSeconds: 30 * 24 * 3600,
    touchSeconds: 60,
  });
  const run = randomBytes(4).toString('hex');
  const cookies: string[] = [];
  try {
    for (let start = 0; start < count; start += 500) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(500, count - start) }, async (_, i) => {
          const { token } = await store.createSession(sessionUser(`visitor-${run}-${start + i}`), {
            ip: '203.0.113.7',
            userAgent: BROWSER_USER_AGENT,
          });
          return `${sessionCookieName(false)}=${await sealToken(token, [secret])}`;
        }),
      );
      cookies.push(...batch);
    }
  } finally {
    await redis.close();
  }
  return cookies;
}

// What the server sent Redis per request over a fixed number of requests: commands (by name) and writes.
async function measureRedisTraffic(
  counter: RoundTripCounter,
  url: string,
  cookie: string | null,
): Promise<RedisPerRequest> {
  const before = counter.traffic();
  const sample = await load({ url, cookie, connections: 10, amount: 1_000 });
  const after = counter.traffic();
  const names = [...after.byName]
    .map(([name, count]) => [name, (count - (before.byName.get(name) ?? 0)) / sample.requests] as const)
    .filter(([, perRequest]) => perRequest > 0.005)
    .map(([name, perRequest]) => `${name} ${perRequest.toFixed(2)}`)
    .join(', ');
  return {
    commands: (after.commands - before.commands) / sample.requests,
    writes: (after.writes - before.writes) / sample.requests,
    names: names || 'none',
  };
}

const ROUTES = (slug: string): Omit<Measured, 'signedIn' | 'signedOut' | 'coldSignedIn' | 'redis'>[] => [
  {
    name: 'A static file',
    kind: 'static',
    path: `/products/${slug}.svg`,
    note: 'A product image from public/: the ceiling for anything Node serves on this machine.',
  },
  {
    name: 'A product page',
    kind: 'catalog',
    path: `/products/${slug}`,
    note: 'Prerendered HTML from Next’s cache, the same bytes for everyone; the browser then asks /api/session.',
  },
  {
    name: 'The home page',
    kind: 'catalog',
    path: '/',
    note: 'Prerendered HTML from Next’s cache, like the product page.',
  },
  {
    name: 'The session endpoint',
    kind: 'session',
    path: '/api/session',
    note: 'What every page view asks once: signed in, one EVALSHA that reads the session, the user record and the cart’s count; signed out, no Redis at all.',
  },
  {
    name: 'A private JSON route',
    kind: 'session',
    path: '/api/me',
    note: 'A route handler, which the proxy leaves to its gate: signed out, the gate answers 401 without Redis (no cookie); signed in, it makes the one round trip.',
  },
];

export async function runAppBench(options: AppBenchOptions): Promise<AppBenchResult> {
  await ensureDatabase(options.databaseUrl);
  await applyMigrations(options.databaseUrl);
  await seedDatabase(options.databaseUrl, { quiet: true });
  const base = `http://127.0.0.1:${options.port}`;
  const prefix = `sf-bench:${randomBytes(4).toString('hex')}:`;
  const sessionSecret = randomBytes(32).toString('base64url');
  const counter = await startRoundTripCounter(options.redisUrl);
  const server = startServer(options, counter.url, prefix, sessionSecret);
  const run = (path: string, cookie: string | null, seconds = options.seconds) =>
    load({ url: `${base}${path}`, cookie, connections: options.connections, seconds });
  try {
    await waitForHealth(base);
    const cookie = await signIn(base);
    const product = (await (await fetch(`${base}/api/products?pageSize=1`)).json()) as {
      items: { slug: string }[];
    };
    const routes: Measured[] = [];
    for (const route of ROUTES(product.items[0]?.slug ?? '')) {
      await run(route.path, cookie, 2);
      await run(route.path, null, 2);
      const measured: Measured = {
        ...route,
        signedOut: [],
        signedIn: [],
        coldSignedIn: [],
        redis: {
          signedIn: await measureRedisTraffic(counter, `${base}${route.path}`, cookie),
          signedOut: await measureRedisTraffic(counter, `${base}${route.path}`, null),
        },
      };
      // Which of the two goes first alternates, so neither always inherits the other's garbage or a warmer JIT.
      for (let round = 0; round < options.rounds; round++) {
        const signedOutFirst = round % 2 === 0;
        if (signedOutFirst) measured.signedOut.push(await run(route.path, null));
        measured.signedIn.push(await run(route.path, cookie));
        if (!signedOutFirst) measured.signedOut.push(await run(route.path, null));
        if (route.kind === 'static') continue;
        const cookies = await freshVisitors(options, prefix, sessionSecret, options.coldRequests);
        const cold = await load({
          url: `${base}${route.path}`,
          cookie: null,
          cookies,
          connections: options.connections,
          amount: cookies.length,
        });
        if (cold.non2xx > 0) throw new Error(`${route.path}: ${cold.non2xx} cold answers were not 2xx`);
        measured.coldSignedIn.push(cold);
      }
      routes.push(measured);
      console.log(`app ${route.path}: done`);
    }
    return { options, routes };
  } finally {
    if (server.pid && server.exitCode === null) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await counter.close();
    await deleteKeysWithPrefix(options.redisUrl, prefix);
  }
}

/** The in-app sections of docs/benchmarks.md. */
export function appReport({ options, routes }: AppBenchResult): string {
  const at = (samples: Sample[], pick: (sample: Sample) => number, digits: number) =>
    median(samples.map(pick)).toFixed(digits);
  const row = (label: string, samples: Sample[]) =>
    `| ${label} | ${at(samples, (s) => s.rps, 0)} | ${at(samples, (s) => s.p50, 2)} | ${at(samples, (s) => s.p90, 2)} | ${at(samples, (s) => s.p99, 2)} | ${at(samples, (s) => s.mean, 3)} |`;
  const sections = routes.map((route) => {
    const outMean = median(route.signedOut.map((s) => s.mean));
    const inMean = median(route.signedIn.map((s) => s.mean));
    return [
      `### ${route.name} (\`GET ${route.path}\`)`,
      '',
      '| run | req/s | p50 ms | p90 ms | p99 ms | mean ms |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      row('signed out (baseline)', route.signedOut),
      row('signed in (session check)', route.signedIn),
      ...(route.coldSignedIn.length
        ? [
            row(
              `signed in, a different visitor on every request (${options.coldRequests.toLocaleString('en-US')} a run)`,
              route.coldSignedIn,
            ),
          ]
        : []),
      '',
      `Signed in / signed out, mean latency: **${(inMean / outMean).toFixed(2)}×** (${(inMean - outMean).toFixed(3)} ms added per request).`,
      '',
      route.note,
    ].join('\n');
  });
  const commandRows = routes.map(
    (route) =>
      `| \`GET ${route.path}\` | ${route.redis.signedOut.commands.toFixed(2)} | ${route.redis.signedIn.commands.toFixed(2)} (${route.redis.signedIn.names}) | ${route.redis.signedIn.writes.toFixed(2)} |`,
  );
  return [
    '## In the app: how each kind of request is served, and what the session check adds',
    '',
    `Against \`next start\` (the production build), ${options.rounds} alternating rounds of ${options.seconds} s with`,
    `${options.connections} connections per route, signed out (no cookie) and signed in (a session cookie), medians of`,
    'the rounds; then, in each round, signed in with a different visitor on every request (a user and a session',
    'each, made for the run through lib/session and sealed with the server’s secret: every cookie is one the server',
    'has never opened). Catalog pages are cached HTML that never looks at the cookie; /api/session and /api/me open it and',
    'read the session, with the user’s current role, tier and ban state, in one Redis round trip. This part uses the',
    'shared Redis (its own key prefix, removed afterwards) and the bench database.',
    '',
    '### Redis commands per request, by route',
    '',
    'Counted over 1,000 requests by a relay between the server and Redis (what the server sends; an MGET or a script is one',
    'command however many keys its script reads). Writes are flushes to the socket: under load the app’s client sends',
    'the commands of the requests of one event-loop turn in one write, so they can be below one.',
    '',
    '| route | signed out | signed in | writes per request, signed in |',
    '| --- | ---: | --- | ---: |',
    ...commandRows,
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
}

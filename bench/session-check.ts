// How pages are served and what the Redis session check adds: a static file, cached catalog pages, the session
// endpoint and a private JSON route, each signed in and signed out, in alternating rounds in one run against
// `next start`, plus the Redis commands each request costs, and one identity check in process against a JWT verify.
// Writes docs/benchmarks.md. Only loopback addresses are used.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { measureCheckVsJwt, type CheckTiming } from './check-vs-jwt';
import { startRoundTripCounter, type RoundTripCounter } from './round-trip-counter';
import { applyMigrations, ensureDatabase } from '../lib/db/migrate';
import { seedDatabase } from '../prisma/seed';
import { deleteKeysWithPrefix } from '../scripts/redis-keys';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
// Short by default: the whole run shares two cores with everything else on the machine.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const BASE = `http://127.0.0.1:${PORT}`;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/storefront_bench';
const PREFIX = `sf-bench:${randomBytes(4).toString('hex')}:`;

type Sample = {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  non2xx: number;
};
type Measured = {
  name: string;
  path: string;
  note: string;
  signedOut: Sample[];
  signedIn: Sample[];
  redis: { signedIn: RedisPerRequest; signedOut: RedisPerRequest };
};

function startServer(redisUrl: string): ChildProcess {
  const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(PORT)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: PREFIX,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      PAYMENTS_JWT_SECRET: randomBytes(32).toString('base64url'),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  return server;
}

async function waitForHealth(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await fetch(`${BASE}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The server did not become healthy within 60 s.');
}

async function signIn(): Promise<string> {
  const email = `bench-${randomBytes(6).toString('hex')}@bench.example`;
  const response = await fetch(`${BASE}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'bench-password-123', name: 'Bench User' }),
  });
  if (response.status !== 201) throw new Error(`register answered ${response.status}`);
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error('register set no cookie');
  return cookie.split(';')[0] as string;
}

function load(path: string, cookie: string | null): Promise<Sample> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${BASE}${path}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: cookie ? { cookie } : {},
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requests: result.requests.total,
          rps: result.requests.average,
          p50: result.latency.p50,
          p90: result.latency.p90,
          p99: result.latency.p99,
          mean: result.latency.average,
          non2xx: result.non2xx,
        });
      },
    );
  });
}

type RedisPerRequest = { commands: number; writes: number; names: string };

// What the server sent Redis per request during one load run: commands (by name) and writes.
async function measureRedisTraffic(
  counter: RoundTripCounter,
  path: string,
  cookie: string | null,
): Promise<RedisPerRequest> {
  const before = counter.traffic();
  const sample = await load(path, cookie);
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function versions(): Promise<{ redis: string; postgres: string }> {
  const redis = new Redis(REDIS_URL);
  const info = await redis.info('server');
  redis.disconnect();
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const { rows } = await client.query('SHOW server_version');
  await client.end();
  return { redis: /redis_version:(\S+)/.exec(info)?.[1] ?? '?', postgres: rows[0].server_version };
}

const loadAverage = () => os.loadavg()[0]?.toFixed(1) ?? '?';

function report(
  loadAtStart: string,
  results: Measured[],
  checks: CheckTiming[],
  service: { redis: string; postgres: string },
): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const row = (label: string, samples: Sample[]) =>
    `| ${label} | ${median(samples.map((s) => s.rps)).toFixed(0)} | ${median(samples.map((s) => s.p50)).toFixed(2)} | ${median(samples.map((s) => s.p90)).toFixed(2)} | ${median(samples.map((s) => s.p99)).toFixed(2)} | ${median(samples.map((s) => s.mean)).toFixed(3)} |`;
  const sections = results.map((result) => {
    const outMean = median(result.signedOut.map((s) => s.mean));
    const inMean = median(result.signedIn.map((s) => s.mean));
    return [
      `### ${result.name} (\`GET ${result.path}\`)`,
      '',
      '| run | req/s | p50 ms | p90 ms | p99 ms | mean ms |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      row('signed out (baseline)', result.signedOut),
      row('signed in (session check)', result.signedIn),
      '',
      `Signed in / signed out, mean latency: **${(inMean / outMean).toFixed(2)}×** (${(inMean - outMean).toFixed(3)} ms added per request).`,
      `Redis per request, signed in: ${result.redis.signedIn.commands.toFixed(2)} commands (${result.redis.signedIn.names}) in ${result.redis.signedIn.writes.toFixed(2)} writes; signed out: ${result.redis.signedOut.commands.toFixed(2)} commands.`,
      '',
      result.note,
    ].join('\n');
  });
  return [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (bench/session-check.ts); do not edit by hand. Numbers are medians of',
    `${ROUNDS} alternating rounds of ${SECONDS} s with ${CONNECTIONS} connections (autocannon) against \`next start\`,`,
    'the server, Redis, PostgreSQL and the load generator all on one machine. Compare the ratios, not the absolute',
    'times: the machines are shared and noisy.',
    '',
    '## Machine',
    '',
    `- ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}, Redis ${service.redis} (TCP on loopback, ioredis), PostgreSQL ${service.postgres}`,
    `- Run on ${new Date().toISOString().slice(0, 10)}; 1-minute load average ${loadAtStart} at the start, ${loadAverage()} at the end (other work shares the cores: the higher it is, the lower every number)`,
    '',
    '## How each kind of request is served, and what the session check adds',
    '',
    'Each route is loaded signed out (no cookie) and signed in (a session cookie), in the same run. Catalog pages are',
    'cached HTML that never looks at the cookie; /api/session and /api/me unseal it and read the session, with the',
    'user’s current role, tier and ban state, in one Redis round trip.',
    'Redis traffic is counted by a relay between the server and Redis: commands by name, and writes (flushes).',
    'Each check is one EVALSHA; under load, ioredis sends the commands of concurrent requests in one write, so',
    'writes per request can be below one.',
    '',
    ...sections.flatMap((section) => [section, '']),
    '## One check, in process: Redis session against a stateless JWT',
    '',
    'The identity check alone, without HTTP: verifying an HS256 JWT with the same claims (jose), against',
    'unsealing the cookie and reading the session and the user record in one EVALSHA over TCP on loopback.',
    'Sequential: one check at a time; concurrent: 16 in flight, as a busy server has them.',
    '',
    '| check | sequential µs per check | concurrent checks/s |',
    '| --- | ---: | ---: |',
    ...checks.map(
      (check) =>
        `| ${check.name} | ${check.sequentialUs.toFixed(1)} | ${check.concurrentOpsPerSec.toFixed(0)} |`,
    ),
    '',
    `Redis session / JWT, sequential time per check: **${((checks[1]?.sequentialUs ?? NaN) / (checks[0]?.sequentialUs ?? NaN)).toFixed(2)}×**.`,
    'The JWT check is pure CPU; the session check waits on a loopback round trip, during which the event loop',
    'serves other requests, so under concurrency it is not the bottleneck. What it costs a whole request is the',
    'section above. What the round trip buys: logout, bans and tier changes on the next request, which no JWT',
    'check can see.',
    '',
  ].join('\n');
}

async function main() {
  await ensureDatabase(DATABASE_URL);
  await applyMigrations(DATABASE_URL);
  await seedDatabase(DATABASE_URL, { quiet: true });
  const service = await versions();
  const loadAtStart = loadAverage();
  const counter = await startRoundTripCounter(REDIS_URL);
  const server = startServer(counter.url);
  try {
    await waitForHealth();
    const cookie = await signIn();
    const product = (await (await fetch(`${BASE}/api/products?pageSize=1`)).json()) as {
      items: { slug: string }[];
    };
    const slug = product.items[0]?.slug;
    const routes = [
      {
        name: 'A static file',
        path: `/products/${slug}.svg`,
        note: 'A product image from public/: the ceiling for anything Node serves on this machine.',
      },
      {
        name: 'A product page',
        path: `/products/${slug}`,
        note: 'Prerendered HTML from Next’s cache, the same bytes for everyone; the browser then asks /api/session.',
      },
      {
        name: 'The home page',
        path: '/',
        note: 'Prerendered HTML from Next’s cache, like the product page.',
      },
      {
        name: 'The session endpoint',
        path: '/api/session',
        note: 'What every page view asks once: signed in, one EVALSHA; signed out, no Redis at all.',
      },
      {
        name: 'A private JSON route',
        path: '/api/me',
        note: 'Signed out, proxy.ts answers 401 from the cookie alone (no Redis); signed in, the proxy only opens the cookie and the handler’s gate makes the one round trip.',
      },
    ];
    const results: Measured[] = [];
    for (const route of routes) {
      await load(route.path, cookie);
      await load(route.path, null);
      const measured: Measured = {
        ...route,
        signedOut: [],
        signedIn: [],
        redis: {
          signedIn: await measureRedisTraffic(counter, route.path, cookie),
          signedOut: await measureRedisTraffic(counter, route.path, null),
        },
      };
      for (let round = 0; round < ROUNDS; round++) {
        measured.signedOut.push(await load(route.path, null));
        measured.signedIn.push(await load(route.path, cookie));
      }
      results.push(measured);
      console.log(`${route.path}: done`);
    }
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    const checks = await measureCheckVsJwt(REDIS_URL, PREFIX, ROUNDS);
    const markdown = report(loadAtStart, results, checks, service);
    writeFileSync('docs/benchmarks.md', `${markdown}\n`);
    console.log(markdown);
  } finally {
    if (server.pid && server.exitCode === null) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await counter.close();
    await deleteKeysWithPrefix(REDIS_URL, PREFIX);
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});

// What the Redis session check adds to a request under load: the same routes, signed in and signed out,
// measured in alternating rounds in one run against `next start`, plus the Redis commands each request costs.
// Writes docs/benchmarks.md. Only loopback addresses are used.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { applyMigrations, ensureDatabase } from '../lib/db/migrate';
import { seedDatabase } from '../prisma/seed';
import { deleteKeysWithPrefix } from '../scripts/redis-keys';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BASE = `http://127.0.0.1:${PORT}`;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/storefront_bench';
const PREFIX = `sf-bench:${randomBytes(4).toString('hex')}:`;

type Sample = { requests: number; rps: number; p50: number; p90: number; p99: number; mean: number; non2xx: number };
type Measured = { name: string; path: string; signedOut: Sample[]; signedIn: Sample[]; commandsPerRequest: { signedIn: number; signedOut: number } };

function startServer(): ChildProcess {
  const server = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(PORT)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL,
      REDIS_URL,
      REDIS_KEY_PREFIX: PREFIX,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
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

async function commandsProcessed(redis: Redis): Promise<number> {
  const info = await redis.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0);
}

// Commands the server sent to Redis per request during one load run (the INFO call itself excluded).
async function measureCommands(redis: Redis, path: string, cookie: string | null): Promise<number> {
  const before = await commandsProcessed(redis);
  const sample = await load(path, cookie);
  const after = await commandsProcessed(redis);
  return (after - before - 1) / sample.requests;
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

function report(results: Measured[], service: { redis: string; postgres: string }): string {
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
      `Redis commands per request: signed in ${result.commandsPerRequest.signedIn.toFixed(2)}, signed out ${result.commandsPerRequest.signedOut.toFixed(2)}.`,
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
    `- Run on ${new Date().toISOString().slice(0, 10)}`,
    '',
    '## What the session check adds to a request',
    '',
    'Each route is loaded signed out (no cookie: no Redis call) and signed in (the cookie is unsealed and the',
    'session, with the user’s current role, tier and ban state, is read in one Redis round trip), in the same run.',
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
}

async function main() {
  await ensureDatabase(DATABASE_URL);
  await applyMigrations(DATABASE_URL);
  await seedDatabase(DATABASE_URL, { quiet: true });
  const service = await versions();
  const server = startServer();
  const redis = new Redis(REDIS_URL);
  try {
    await waitForHealth();
    const cookie = await signIn();
    const product = (await (await fetch(`${BASE}/api/products?pageSize=1`)).json()) as { items: { slug: string }[] };
    const routes = [
      { name: 'A tiny JSON route', path: '/api/me' },
      { name: 'A product page', path: `/products/${product.items[0]?.slug}` },
    ];
    const results: Measured[] = [];
    for (const route of routes) {
      await load(route.path, cookie);
      await load(route.path, null);
      const measured: Measured = {
        ...route,
        signedOut: [],
        signedIn: [],
        commandsPerRequest: {
          signedIn: await measureCommands(redis, route.path, cookie),
          signedOut: await measureCommands(redis, route.path, null),
        },
      };
      for (let round = 0; round < ROUNDS; round++) {
        measured.signedOut.push(await load(route.path, null));
        measured.signedIn.push(await load(route.path, cookie));
      }
      results.push(measured);
      console.log(`${route.path}: done`);
    }
    const markdown = report(results, service);
    writeFileSync('docs/benchmarks.md', `${markdown}\n`);
    console.log(markdown);
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    redis.disconnect();
    await deleteKeysWithPrefix(REDIS_URL, PREFIX);
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});

// The compared session checks (bench/peers/), each a plain node:http server in its own process answering GET /me,
// loaded by autocannon in alternating rounds, at every number of stored sessions; Redis memory per session; and how
// long each still serves a session after its logout returns. Each number of stored sessions has its own private
// redis-server (started and stopped here) and PostgreSQL database (dropped at the end), so one round measures a
// check at every size back to back and the machine's drift reaches all sizes alike.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { createRedis } from '@/lib/redis';
import { createSessionStore } from '@/lib/session/store';
import { load, median, type Sample } from './load';
import { serviceVersions } from './machine';
import { peerById, PEERS } from './peers/index';
import { BROWSER_USER_AGENT, sessionUser } from './peers/ours';
import { cookieFromSetCookie } from './peers/server';
import { SESSIONS_PER_USER, type PeerContext, type PeerDefinition } from './peers/types';
import { withDatabase } from './postgres';
import { startRoundTripCounter } from './round-trip-counter';

export type PeerBenchOptions = {
  seconds: number;
  connections: number;
  rounds: number;
  scales: number[];
  /** How long after a logout returns the revocation probe keeps asking. */
  revocationWindowSeconds: number;
  /** Sessions (and users) for the memory figure. */
  memorySessions: number;
  /** Requests in a cold or made-up run, each with a cookie of its own. */
  coldRequests: number;
  databaseServerUrl: string;
};

type Traffic = { redis: number; redisNames: string; queries: number };
type Lag = { requestsAfter: number; staleAfter: number; lastStaleMs: number | null };
/** Runs of one check: the load's figures, and the server's CPU time per request (µs, from /proc) of each. */
type Timed = { samples: Sample[]; cpu: number[] };

/**
 * warm: one session's cookie on every request, as one browser sends it. cold: a different session on every request,
 * none repeated within a run (a visitor this process has never seen, a cookie flood, the first request after a
 * restart). made-up: a forged cookie on every request, each one different.
 */
export type Variant = 'warm' | 'cold' | 'made-up';
export const variantId = (id: string, variant: Variant) => (variant === 'warm' ? id : `${id}:${variant}`);

export type PeerBenchResult = {
  options: PeerBenchOptions;
  versions: { redis: string; postgres: string };
  /** Per scale, per peer id. */
  timed: Map<number, Map<string, Timed>>;
  traffic: Map<string, Traffic>;
  lag: Map<string, Lag>;
  banLag: Lag;
  /** Per peer id, bytes per session measured while seeding the largest step (Redis used_memory or table size). */
  seededBytes: Map<string, number>;
  seedSeconds: Map<string, number>;
  memory: Memory;
};

type Memory = {
  sessions: number;
  users: number;
  bytes: number;
  keys: number;
  /** MEMORY USAGE of one key of each kind. */
  parts: { session: number; user: number; index: number };
  /** OBJECT ENCODING of a session's string (embstr up to 44 bytes, else raw). */
  sessionEncoding: string;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Seeding a million sessions and reading used_memory must never touch the shared Redis: this one is ours alone.
async function startPrivateRedis(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => {});
    try {
      await redis.connect();
      await redis.ping();
      return { url, process: child };
    } catch {
      await sleep(100);
    } finally {
      redis.disconnect();
    }
  }
  child.kill();
  throw new Error('redis-server did not start: is it installed (apt-get install redis-server)?');
}

async function redisInfo(url: string, section: string): Promise<string> {
  const redis = new Redis(url);
  const info = await redis.info(section);
  redis.disconnect();
  return info;
}

const usedMemory = async (url: string) =>
  Number(/used_memory:(\d+)/.exec(await redisInfo(url, 'memory'))?.[1]);

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

type Server = {
  id: string;
  /** How many sessions its store holds. */
  scale: number;
  base: string;
  child: ChildProcess;
  cookie: string;
  variant: Variant;
  /** For cold and made-up runs: the cookies of run `run` (0 is the warm-up), one per request. */
  makeCookies?: (run: number) => Promise<string[]>;
};

async function startPeer(definition: PeerDefinition, context: PeerContext, scale = 0): Promise<Server> {
  const child = fork(path.resolve('bench/peers/serve.ts'), [definition.id], {
    execArgv: ['--conditions=react-server', '--import', 'tsx'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      BENCH_PEER_CONTEXT: JSON.stringify(context),
      // The project's check reads its settings from lib/env, like the app.
      REDIS_URL: context.redisUrl,
      REDIS_KEY_PREFIX: context.prefix,
      DATABASE_URL: context.databaseUrl,
      SESSION_SECRET: context.secret,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`peer ${definition.id} exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    id: definition.id,
    scale,
    base,
    child,
    variant: 'warm',
    cookie: await signIn(base, `bench-${definition.id}`),
  };
}

async function signIn(base: string, userId: string): Promise<string> {
  const response = await fetch(`${base}/login?user=${encodeURIComponent(userId)}`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`${base} login answered ${response.status}`);
  return cookieFromSetCookie(response.headers.getSetCookie());
}

function stopPeer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.disconnect();
    setTimeout(() => server.child.kill('SIGKILL'), 5_000).unref();
  });
}

/** Redis commands and PostgreSQL queries per GET /me, through counting relays, on a server of its own. */
async function countTraffic(definition: PeerDefinition, context: PeerContext): Promise<Traffic> {
  const redisRelay = await startRoundTripCounter(context.redisUrl, 'redis');
  const pgRelay = await startRoundTripCounter(context.databaseUrl, 'postgres');
  const server = await startPeer(definition, {
    ...context,
    redisUrl: redisRelay.url,
    databaseUrl: pgRelay.url,
  });
  try {
    const requests = 2_000;
    await load({ url: `${server.base}/me`, cookie: server.cookie, connections: 10, amount: 200 });
    const redisBefore = redisRelay.traffic();
    const pgBefore = pgRelay.traffic();
    const sample = await load({
      url: `${server.base}/me`,
      cookie: server.cookie,
      connections: 10,
      amount: requests,
    });
    if (sample.non2xx > 0) throw new Error(`${definition.id}: ${sample.non2xx} answers were not 2xx`);
    const redisAfter = redisRelay.traffic();
    const perRequest = (after: number, before: number) => (after - before) / sample.requests;
    const names = [...redisAfter.byName]
      .map(([name, count]) => [name, perRequest(count, redisBefore.byName.get(name) ?? 0)] as const)
      .filter(([, value]) => value > 0.005)
      .map(([name, value]) => `${name} ${value.toFixed(2)}`)
      .join(', ');
    return {
      redis: perRequest(redisAfter.commands, redisBefore.commands),
      redisNames: names,
      queries: perRequest(pgRelay.traffic().commands, pgBefore.commands),
    };
  } finally {
    await stopPeer(server);
    await redisRelay.close();
    await pgRelay.close();
  }
}

/**
 * After `revoke` returns, how many of the requests a copied cookie makes are still answered 200, and how long
 * after the revocation the last one came back. Four loops keep requests in flight, as a busy browser tab would.
 */
async function measureLag(
  base: string,
  cookie: string,
  revoke: () => Promise<void>,
  windowSeconds: number,
): Promise<Lag> {
  let revokedAt: number | null = null;
  let stopAt = Infinity;
  const lag: Lag = { requestsAfter: 0, staleAfter: 0, lastStaleMs: null };
  const loop = async () => {
    while (performance.now() < stopAt) {
      const startedAt = performance.now();
      const response = await fetch(`${base}/me`, { headers: { cookie } });
      await response.arrayBuffer();
      if (revokedAt === null || startedAt < revokedAt) continue;
      lag.requestsAfter++;
      if (response.status === 200) {
        lag.staleAfter++;
        lag.lastStaleMs = performance.now() - revokedAt;
      }
    }
  };
  const loops = Array.from({ length: 4 }, loop);
  await sleep(200);
  await revoke();
  revokedAt = performance.now();
  stopAt = revokedAt + windowSeconds * 1000;
  await Promise.all(loops);
  return lag;
}

/** A process's CPU time so far (user and system, every thread), in µs, from /proc/<pid>/stat. */
function cpuMicros(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are the 12th and 13th fields after the name, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function inBatches<T>(count: number, make: (index: number) => Promise<T> | T): Promise<T[]> {
  const made: T[] = [];
  for (let start = 0; start < count; start += 200) {
    made.push(
      ...(await Promise.all(Array.from({ length: Math.min(200, count - start) }, (_, i) => make(start + i)))),
    );
  }
  return made;
}

// A prime that divides no store size the bench uses, so stepping by it visits every seeded session once.
const SEEDED_STRIDE = 7_919;

/**
 * A cold run's cookies: seeded sessions spread over the largest store (each run its own, none used twice), or, for a
 * check that stores nothing per session, that many fresh sign-ins. Null where neither is affordable.
 */
function coldVariant(
  definition: PeerDefinition,
  server: Server,
  context: PeerContext,
  requests: number,
): Server | null {
  const { seededCookie } = definition;
  if (seededCookie) {
    const count = Math.min(requests, server.scale);
    return {
      ...server,
      variant: 'cold',
      makeCookies: (run) =>
        inBatches(count, (k) => seededCookie(context, ((run * count + k) * SEEDED_STRIDE) % server.scale)),
    };
  }
  if (definition.costlySignIn || definition.id === 'none') return null;
  return {
    ...server,
    variant: 'cold',
    makeCookies: (run) => inBatches(requests, (k) => signIn(server.base, `cold-${run}-${k}`)),
  };
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A real cookie with the 8 characters before the last 2 of each value replaced: the signature or MAC, in every check. */
function forge(cookie: string): string {
  return cookie
    .split('; ')
    .map((pair) => {
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value.length < 12) return pair;
      const random = Array.from(randomBytes(8), (byte) => BASE64URL[byte % 64]).join('');
      return `${pair.slice(0, at + 1)}${value.slice(0, -10)}${random}${value.slice(-2)}`;
    })
    .join('; ');
}

function madeUpVariant(server: Server, requests: number): Server | null {
  if (server.id === 'none') return null;
  return {
    ...server,
    variant: 'made-up',
    makeCookies: async (run) => {
      const real = await signIn(server.base, `forged-${run}`);
      return Array.from({ length: requests }, () => forge(real));
    },
  };
}

async function logoutOf(base: string, cookie: string): Promise<void> {
  const response = await fetch(`${base}/logout`, { method: 'POST', headers: { cookie } });
  if (response.status !== 204) throw new Error(`${base} logout answered ${response.status}`);
}

/**
 * Every group is one check at each of its numbers of stored sessions. A round runs each group's servers back to
 * back, so a check's sizes are compared minutes apart at most; groups and the sizes within them start one later
 * each round, so none always runs first or after the same neighbour. Returns samples per scale, per peer id, in
 * round order.
 */
async function timedRounds(
  groups: Server[][],
  options: PeerBenchOptions,
): Promise<Map<number, Map<string, Timed>>> {
  const timed = new Map<number, Map<string, Timed>>();
  const entryOf = (server: Server) => {
    const atScale = timed.get(server.scale) ?? new Map<string, Timed>();
    timed.set(server.scale, atScale);
    const id = variantId(server.id, server.variant);
    const entry = atScale.get(id) ?? { samples: [], cpu: [] };
    atScale.set(id, entry);
    return entry;
  };
  // A fresh session before every warm run: the JWTs (15 min) and better-auth's cookie cache (5 min) must not expire
  // during the bench, or a run would measure refusals or cache misses. Cold and made-up cookies are made for each
  // run, before its clock starts.
  const run = async (server: Server, seconds: number, runIndex: number) => {
    const cookies = server.makeCookies ? await server.makeCookies(runIndex) : undefined;
    const cpuBefore = cpuMicros(server.child.pid);
    const sample = await load({
      url: `${server.base}/me`,
      cookie: cookies ? null : await signIn(server.base, `bench-${server.id}`),
      cookies,
      connections: options.connections,
      ...(cookies ? { amount: cookies.length } : { seconds }),
    });
    const refused = server.variant === 'made-up' ? sample.requests - sample.non2xx : sample.non2xx;
    if (refused > 0) {
      const what = server.variant === 'made-up' ? 'forged cookies were let in' : 'answers were not 2xx';
      throw new Error(`${variantId(server.id, server.variant)}: ${refused} ${what}`);
    }
    return { sample, cpu: (cpuMicros(server.child.pid) - cpuBefore) / sample.requests };
  };
  const rotate = <T>(items: T[], by: number) => items.map((_, i) => items[(i + by) % items.length] as T);
  // Warm-up (JIT, connection pools): not counted.
  for (const server of groups.flat()) await run(server, Math.min(2, options.seconds), 0);
  for (let round = 0; round < options.rounds; round++) {
    for (const group of rotate(groups, round)) {
      for (const server of rotate(group, round)) {
        const { sample, cpu } = await run(server, options.seconds, round + 1);
        const entry = entryOf(server);
        entry.samples.push(sample);
        entry.cpu.push(cpu);
        console.log(
          `round ${round + 1}/${options.rounds} ${variantId(server.id, server.variant)}, ${server.scale} sessions: ${sample.rps.toFixed(0)} req/s, p99 ${sample.p99} ms, ${cpu.toFixed(0)} µs CPU a request`,
        );
      }
    }
  }
  return timed;
}

/** Redis bytes per session as a sign-in writes it (lib/session's own createSession): session, index, user record. */
async function measureMemory(redisUrl: string, sessions: number): Promise<Memory> {
  const redis = new Redis(redisUrl);
  await redis.flushall();
  const users = Math.max(1, Math.floor(sessions / SESSIONS_PER_USER));
  const port = createRedis({ transport: 'tcp', url: redisUrl });
  const store = createSessionStore({
    redis: port,
    prefix: 'sf:',
    idleSeconds: 7 * 24 * 3600,
    browserIdleSeconds: 12 * 3600,
    absoluteSeconds: 30 * 24 * 3600,
    touchSeconds: 60,
  });
  // One session first, so the scripts are loaded and the keyspace exists before the baseline is read.
  await store.createSession(sessionUser('memory-warm-up'), { ip: null, userAgent: null });
  const before = await usedMemory(redisUrl);
  const keysBefore = await redis.dbsize();
  const batch = 500;
  for (let start = 0; start < sessions; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, sessions - start) }, (_, i) =>
        store.createSession(sessionUser(`memory-user-${(start + i) % users}`), {
          ip: '203.0.113.7',
          userAgent: BROWSER_USER_AGENT,
        }),
      ),
    );
  }
  const bytes = (await usedMemory(redisUrl)) - before;
  const keys = (await redis.dbsize()) - keysBefore;
  const usage = async (pattern: string) => {
    const [, [key]] = await redis.scan('0', 'MATCH', pattern, 'COUNT', 1000);
    return key ? Number(await redis.memory('USAGE', key, 'SAMPLES', 0)) : NaN;
  };
  const [, [sessionKey]] = await redis.scan('0', 'MATCH', 'sf:session:*', 'COUNT', 1000);
  const sessionEncoding = sessionKey ? String(await redis.object('ENCODING', sessionKey)) : '?';
  const parts = {
    session: await usage('sf:session:*'),
    user: await usage('sf:user:{u:memory-user-*'),
    index: await usage('sf:user-sessions:{u:memory-user-*'),
  };
  await port.close();
  await redis.flushall();
  redis.disconnect();
  return { sessions, users, bytes, keys, parts, sessionEncoding };
}

async function tableBytes(url: string): Promise<number> {
  return withDatabase(url, async (client) => {
    const { rows } = await client.query<{ size: string }>(
      "SELECT pg_total_relation_size('bench_sessions') AS size",
    );
    return Number(rows[0]?.size);
  });
}

type Store = { scale: number; redis: ChildProcess; database: string; context: PeerContext };

export async function runPeerBench(options: PeerBenchOptions): Promise<PeerBenchResult> {
  const scales = [...new Set(options.scales)].sort((a, b) => a - b);
  const secret = randomBytes(32).toString('base64url');
  const stores: Store[] = [];
  const servers: Server[] = [];
  try {
    for (const scale of scales) {
      const privateRedis = await startPrivateRedis();
      const database = `storefront_bench_peers_${randomBytes(3).toString('hex')}`;
      await withDatabase(options.databaseServerUrl, (client) => client.query(`CREATE DATABASE ${database}`));
      stores.push({
        scale,
        redis: privateRedis.process,
        database,
        context: {
          redisUrl: privateRedis.url,
          databaseUrl: databaseUrl(options.databaseServerUrl, database),
          prefix: 'bp:',
          secret,
        },
      });
    }
    const smallest = stores[0] as Store;
    const largest = stores[stores.length - 1] as Store;
    const { context } = smallest;
    const versions = await serviceVersions(context.redisUrl, context.databaseUrl);
    console.log(`memory: ${options.memorySessions} sessions through lib/session's createSession`);
    const memory = await measureMemory(context.redisUrl, options.memorySessions);
    for (const store of stores) for (const peer of PEERS) await peer.prepare?.(store.context);

    const traffic = new Map<string, Traffic>();
    for (const peer of PEERS) {
      traffic.set(peer.id, await countTraffic(peer, context));
      console.log(`traffic ${peer.id}: ${JSON.stringify(traffic.get(peer.id))}`);
    }

    const seededBytes = new Map<string, number>();
    const seedSeconds = new Map<string, number>();
    for (const store of stores) {
      for (const peer of PEERS) {
        if (!peer.seed) continue;
        const measure = () =>
          peer.id === 'pg-table' ? tableBytes(store.context.databaseUrl) : usedMemory(store.context.redisUrl);
        const before = await measure();
        const startedAt = performance.now();
        await peer.seed(store.context, 0, store.scale);
        seedSeconds.set(peer.id, (seedSeconds.get(peer.id) ?? 0) + (performance.now() - startedAt) / 1000);
        if (store === largest) seededBytes.set(peer.id, ((await measure()) - before) / store.scale);
        console.log(`seeded ${peer.id} to ${store.scale}`);
      }
    }

    // Every check at the smallest size; those whose check reads stored state at every size.
    const groups: Server[][] = [];
    for (const peer of PEERS) {
      const group: Server[] = [];
      for (const store of peer.stateful ? stores : [smallest]) {
        const server = await startPeer(peer, store.context, store.scale);
        servers.push(server);
        group.push(server);
      }
      groups.push(group);
    }
    for (const peer of PEERS) {
      const own = servers.filter((server) => server.id === peer.id);
      const atLargest = own.find((server) => server.scale === largest.scale) ?? own[0];
      const atSmallest = own.find((server) => server.scale === smallest.scale);
      const seededStore = stores.find((store) => store.scale === atLargest?.scale) ?? smallest;
      const cold =
        atLargest &&
        coldVariant(
          peer,
          peer.seededCookie ? atLargest : (atSmallest ?? atLargest),
          seededStore.context,
          options.coldRequests,
        );
      const madeUp = atSmallest && madeUpVariant(atSmallest, options.coldRequests);
      if (cold) groups.push([cold]);
      if (madeUp) groups.push([madeUp]);
    }
    const timed = await timedRounds(groups, options);

    const lag = new Map<string, Lag>();
    for (const server of servers) {
      if (server.id === 'none' || server.scale !== smallest.scale) continue;
      const cookie = await signIn(server.base, `lag-${server.id}`);
      lag.set(
        server.id,
        await measureLag(
          server.base,
          cookie,
          () => logoutOf(server.base, cookie),
          options.revocationWindowSeconds,
        ),
      );
      console.log(`revocation ${server.id}: ${JSON.stringify(lag.get(server.id))}`);
    }
    const oursAtSmallest = servers.find((server) => server.id === 'ours' && server.scale === smallest.scale);
    if (!oursAtSmallest) throw new Error('the project check is not running');
    const banLag = await measureBanLag(oursAtSmallest, context, options.revocationWindowSeconds);
    return { options, versions, timed, traffic, lag, banLag, seededBytes, seedSeconds, memory };
  } finally {
    await Promise.all(servers.map(stopPeer));
    for (const store of stores) {
      store.redis.kill();
      await withDatabase(options.databaseServerUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${store.database} WITH (FORCE)`),
      );
    }
  }
}

// A ban as lib/users applies it: one atomic script that rewrites the user record and deletes every session.
async function measureBanLag(server: Server, context: PeerContext, windowSeconds: number): Promise<Lag> {
  const userId = `ban-${randomBytes(4).toString('hex')}`;
  const cookie = await signIn(server.base, userId);
  const redis = createRedis({ transport: 'tcp', url: context.redisUrl });
  const store = createSessionStore({
    redis,
    prefix: context.prefix,
    idleSeconds: 7 * 24 * 3600,
    browserIdleSeconds: 12 * 3600,
    absoluteSeconds: 30 * 24 * 3600,
    touchSeconds: 60,
  });
  try {
    return await measureLag(
      server.base,
      cookie,
      async () => {
        await store.applyUserChange({
          userId,
          user: { ...sessionUser(userId), bannedAt: Date.now(), version: 1 },
          revokeSessions: true,
          event: JSON.stringify({ userId, kind: 'banned' }),
        });
      },
      windowSeconds,
    );
  } finally {
    await redis.close();
  }
}

const fixed = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';

/** A check's req/s at the largest size ÷ at the smallest, minus one: the median over rounds of same-round pairs. */
export function scaleChange(timed: Map<number, Map<string, Timed>>, id: string): number {
  const scales = [...timed.keys()].sort((a, b) => a - b);
  const first = timed.get(scales[0] as number)?.get(id)?.samples ?? [];
  const last = timed.get(scales[scales.length - 1] as number)?.get(id)?.samples ?? [];
  return median(first.map((sample, round) => (last[round]?.rps ?? NaN) / sample.rps)) - 1;
}

/** A cold or made-up run's medians, at the store size it ran against; null where it did not run. */
export function variantFigures(timed: Map<number, Map<string, Timed>>, id: string, variant: Variant) {
  for (const [scale, atScale] of timed) {
    const entry = atScale.get(variantId(id, variant));
    if (entry) return { scale, ...medians(entry), cpu: median(entry.cpu) };
  }
  return null;
}

export function medians(timed: Timed | undefined) {
  const samples = timed?.samples ?? [];
  return {
    rps: median(samples.map((s) => s.rps)),
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
  };
}

function lagText(definition: PeerDefinition, lag: Lag | undefined, windowSeconds: number): string {
  if (!lag) return '—';
  const measured = `${lag.staleAfter} of ${lag.requestsAfter} requests answered 200 in the ${windowSeconds} s after`;
  if (definition.staleFor === null) {
    return lag.staleAfter === 0
      ? `none: 0 of ${lag.requestsAfter} requests answered 200`
      : `${measured}, the last ${fixed(lag.lastStaleMs ?? 0, 1)} ms after`;
  }
  return `${definition.staleFor}: ${measured}`;
}

/** The peer sections of docs/benchmarks.md. */
export function peerReport(result: PeerBenchResult): string {
  const { options, timed, traffic } = result;
  const scales = [...timed.keys()].sort((a, b) => a - b);
  const first = timed.get(scales[0] as number) ?? new Map<string, Timed>();
  const ours = medians(first.get('ours'));
  const mainRows = PEERS.map((peer) => {
    const m = medians(first.get(peer.id));
    const t = traffic.get(peer.id);
    return `| ${peer.label} | ${fixed(m.rps)} | ${fixed(m.p50, 1)} | ${fixed(m.p99, 1)} | ${fixed(t?.redis ?? NaN, 2)}${t?.redisNames ? ` (${t.redisNames})` : ''} | ${fixed(t?.queries ?? NaN, 2)} | ${peer.id === 'ours' ? '1.00' : fixed(ours.rps / m.rps, 2)} | ${peer.id === 'none' ? '—' : peer.staleFor === null ? 'yes' : 'no'} |`;
  });
  const stateful = PEERS.filter((peer) => peer.stateful);
  const scaleRows = stateful.map((peer) => {
    const cells = scales.map((scale) => {
      const m = medians(timed.get(scale)?.get(peer.id));
      return `${fixed(m.rps)} / ${fixed(m.p99, 1)}`;
    });
    return `| ${peer.label} | ${cells.join(' | ')} | ${fixed(scaleChange(timed, peer.id) * 100, 1)} % |`;
  });
  const variantRows = PEERS.flatMap((peer) => {
    const cold = variantFigures(timed, peer.id, 'cold');
    const madeUp = variantFigures(timed, peer.id, 'made-up');
    if (!cold && !madeUp) return [];
    const warm = cold ? medians(timed.get(cold.scale)?.get(peer.id)) : null;
    const warmCpu = cold ? median(timed.get(cold.scale)?.get(peer.id)?.cpu ?? []) : NaN;
    const oursCold = variantFigures(timed, 'ours', 'cold');
    const coldCell = cold
      ? `${fixed(cold.rps)} / ${fixed(cold.p99, 1)} (${peer.seededCookie ? `seeded, ${fixed(cold.scale)} stored` : 'fresh sign-ins'})`
      : `not measured: ${peer.costlySignIn ?? 'no session to vary'}`;
    return [
      `| ${peer.label} | ${warm ? `${fixed(warm.rps)} / ${fixed(warm.p99, 1)}` : '—'} | ${coldCell} | ${cold && warm ? fixed(cold.rps / warm.rps, 2) : '—'} | ${fixed(warmCpu, 0)} / ${fixed(cold?.cpu ?? NaN, 0)} / ${fixed(madeUp?.cpu ?? NaN, 0)} | ${madeUp ? fixed(madeUp.rps) : '—'} | ${cold && oursCold ? (peer.id === 'ours' ? '1.00' : fixed(oursCold.rps / cold.rps, 2)) : '—'} |`,
    ];
  });
  const bytesRows = PEERS.filter((peer) => result.seededBytes.has(peer.id)).map(
    (peer) =>
      `| ${peer.label} | ${fixed(result.seededBytes.get(peer.id) ?? NaN)} | ${fixed(result.seedSeconds.get(peer.id) ?? NaN, 1)} |`,
  );
  const lagRows = PEERS.filter((peer) => result.lag.has(peer.id)).map(
    (peer) =>
      `| ${peer.label} | ${lagText(peer, result.lag.get(peer.id), options.revocationWindowSeconds)} |`,
  );
  const { memory } = result;
  return [
    '## Our session check against the libraries people pick',
    '',
    'Each check is a plain `node:http` server in a process of its own answering `GET /me` (200 with the user’s id,',
    '401 without a live session), code in `bench/peers/`. “Ours” is the project’s own code imported from lib/session:',
    'read the cookie, open the iron seal (synchronously, lib/session/seal.ts), one MGET that reads the session and the',
    'per-user record, parse, decide. The others are real installs of the libraries, set up as their docs say.',
    `Load: autocannon in a process of its own, ${options.connections} connections, ${options.seconds} s per run, ${options.rounds} rounds in an`,
    'order that shifts by one peer each round (after a warm-up run each); the figures are the medians of the rounds.',
    `Redis ${result.versions.redis} is a private \`redis-server\` the bench starts; PostgreSQL ${result.versions.postgres}`,
    'is the shared server with a database of the bench’s own. Commands and queries per request are counted by relays',
    'between a separate instance of each server and Redis / PostgreSQL (what the server sends; a Lua script is one',
    'command), over 2,000 requests.',
    'Each run here sends one session’s cookie, as one browser does; the next table has a different session on every',
    'request, and forged cookies.',
    '',
    `### All checks, ${fixed(scales[0] ?? NaN)} stored sessions`,
    '',
    '| check | req/s | p50 ms | p99 ms | Redis commands / req | DB queries / req | ours ÷ this (req/s) | revokes at once |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...mainRows,
    '',
    '### Cold, warm and made-up cookies',
    '',
    `Warm: one session's cookie on every request, as above. Cold: a different session on every request, ${fixed(options.coldRequests)} in a run`,
    'and none repeated within it: a visitor this process has never seen, the first request after a restart, a flood',
    'of real cookies. Sessions the check stores are seeded ones spread over its largest store (so warm is read at that',
    'size too); the JWTs are fresh sign-ins, one per request. Made-up: a real cookie with 8 characters of its',
    'signature or MAC replaced, a different forgery on every request, all refused. The CPU is the server process’s',
    'own (user and system time of every thread, /proc), divided by the requests of the run: what one request costs it,',
    'whatever the load generator on the other core does.',
    '',
    '| check | warm req/s / p99 ms | cold req/s / p99 ms | cold ÷ warm | CPU µs a request: warm / cold / made-up | made-up req/s | ours cold ÷ this cold |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...variantRows,
    '',
    '### From a thousand to a million stored sessions',
    '',
    'The checks that read stored state, at each number of stored sessions (seeded straight into each store in its own',
    `layout, ${SESSIONS_PER_USER} sessions per user; for the deny-list, that many revoked tokens). req/s / p99 ms, medians of the rounds.`,
    'Each number of stored sessions has its own private Redis and database, and a round runs one check at every size',
    'back to back, so the machine’s drift reaches every size alike. The change is the median, over the rounds, of',
    'the largest size’s req/s ÷ the smallest’s in the same round.',
    '',
    `| check | ${scales.map((scale) => `${fixed(scale)} sessions`).join(' | ')} | change, first to last |`,
    `| --- | ${scales.map(() => '---:').join(' | ')} | ---: |`,
    ...scaleRows,
    '',
    'Store size per seeded session (Redis `used_memory` growth while seeding the largest store, or the table with its',
    'index for PostgreSQL), and the seconds seeding took in all:',
    '',
    '| store | bytes per session | seconds to seed |',
    '| --- | ---: | ---: |',
    ...bytesRows,
    '',
    '### Memory: bytes per session in Redis',
    '',
    `${fixed(memory.sessions)} sessions across ${fixed(memory.users)} users, each created by lib/session's own`,
    '`createSession` (with an IP and a desktop browser’s user agent, which it keeps as the device list’s name for it), on an empty',
    `private Redis: \`used_memory\` grew by ${fixed(memory.bytes)} bytes in ${fixed(memory.keys)} keys, **${fixed(memory.bytes / memory.sessions)} bytes per session**,`,
    'the session string and its share of the per-user record and the per-user index included.',
    `One key of each kind (\`MEMORY USAGE\`): session ${memory.parts.session} B (encoding ${memory.sessionEncoding}), user record`,
    `${memory.parts.user} B and index ${memory.parts.index} B (each shared by ${SESSIONS_PER_USER} sessions): ${fixed(memory.parts.session + (memory.parts.user + memory.parts.index) / SESSIONS_PER_USER)} B per session;`,
    'the rest is the keyspace’s own tables (main and expiry dictionaries, one entry per key with a TTL) and allocator slack.',
    '',
    '### Revocation lag',
    '',
    `A fresh session; four loops send \`GET /me\` with its cookie; the logout is sent, and from the moment it returns,`,
    `every request started in the next ${options.revocationWindowSeconds} s is counted. For the JWT-style checks, a copy of the`,
    'cookie (a stolen one, another tab) keeps working until it expires whatever the server does; the count shows it.',
    '',
    '| check | after the logout returns |',
    '| --- | --- |',
    ...lagRows,
    `| ours, after a ban (lib/users' atomic change: user record rewritten, every session deleted) | ${lagText(peerById('ours'), result.banLag, options.revocationWindowSeconds)} |`,
    '',
  ].join('\n');
}

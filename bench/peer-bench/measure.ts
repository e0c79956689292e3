// What the bench measures on the running checks: rounds of load, traffic per request, revocation lag, memory.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { createRedis } from '@/lib/redis';
import { createSessionStore } from '@/lib/session/store';
import { load } from '../load';
import { BROWSER_USER_AGENT, sessionUser } from '../peers/ours';
import { SESSIONS_PER_USER, type PeerContext, type PeerDefinition } from '../peers/types';
import { startRoundTripCounter } from '../round-trip-counter';
import { signIn, sleep, startPeer, stopPeer, usedMemory } from './servers';
import {
  variantId,
  type Lag,
  type Memory,
  type PeerBenchOptions,
  type Server,
  type Timed,
  type Traffic,
} from './types';
/** Redis commands and PostgreSQL queries per GET /me, through counting relays, on a server of its own. */
export async function countTraffic(definition: PeerDefinition, context: PeerContext): Promise<Traffic> {
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
export async function measureLag(
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
export function cpuMicros(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are the 12th and 13th fields after the name, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/**
 * Every group is one check at each of its numbers of stored sessions. A round runs each group's servers back to
 * back, so a check's sizes are compared minutes apart at most; groups and the sizes within them start one later
 * each round, so none always runs first or after the same neighbour. Returns samples per scale, per peer id, in
 * round order.
 */
export async function timedRounds(
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
export async function measureMemory(redisUrl: string, sessions: number): Promise<Memory> {
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

// A ban as lib/users applies it: one atomic script that rewrites the user record and deletes every session.
export async function measureBanLag(
  server: Server,
  context: PeerContext,
  windowSeconds: number,
): Promise<Lag> {
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

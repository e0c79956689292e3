// The compared session checks (bench/peers/), each a plain node:http server in its own process answering GET /me,
// loaded by autocannon in alternating rounds, at every number of stored sessions; Redis memory per session; and how
// long each still serves a session after its logout returns. Each number of stored sessions has its own private
// redis-server (started and stopped here) and PostgreSQL database (dropped at the end), so one round measures a
// check at every size back to back and the machine's drift reaches all sizes alike.
import { randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import { serviceVersions } from '../machine';
import { PEERS } from '../peers/index';
import { withDatabase } from '../postgres';
import { countTraffic, measureBanLag, measureLag, measureMemory, timedRounds } from './measure';
import {
  databaseUrl,
  logoutOf,
  signIn,
  startPeer,
  startPrivateRedis,
  stopPeer,
  tableBytes,
  usedMemory,
} from './servers';
import type { Lag, PeerBenchOptions, PeerBenchResult, Server, Store, Traffic } from './types';
import { coldVariant, madeUpVariant } from './variants';

export { medians, peerReport, scaleChange, variantFigures } from './report';
export type { PeerBenchOptions, PeerBenchResult } from './types';

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
      const renewalDue =
        atLargest &&
        coldVariant(peer, atLargest, seededStore.context, options.coldRequests, {
          lastSeenAgoMs: (env.SESSION_TOUCH_SECONDS + 10) * 1000,
        });
      const madeUp = atSmallest && madeUpVariant(atSmallest, options.coldRequests);
      for (const variant of [cold, renewalDue, madeUp]) if (variant) groups.push([variant]);
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

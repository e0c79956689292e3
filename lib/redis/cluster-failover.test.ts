import type { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionStore, type SessionStore } from '@/lib/session/store';
import { startRedisCluster, type PrivateCluster } from '@/test/redis-cluster';
import { makeSessionUser as user } from '@/test/session-user';
import { createRedis, type RedisPort } from './index';
import { createIoredisClient } from './tcp';

// A master of a Redis Cluster stops; its replica is promoted, and the sessions it held are still there, read by the
// same app client without a restart.

describe('Redis Cluster failover', () => {
  let cluster: PrivateCluster;
  let redis: RedisPort;
  let store: SessionStore;
  let admin: Cluster;

  beforeAll(async () => {
    cluster = await startRedisCluster({ masters: 3, replicasPerMaster: 1 });
    const clusterNodes = cluster.nodes.map((node) => ({ host: '127.0.0.1', port: node.port }));
    const url = `redis://127.0.0.1:${cluster.nodes[0]?.port}`;
    redis = createRedis({ transport: 'tcp', url, clusterNodes }, { probeIntervalMs: 100 });
    store = createSessionStore({
      redis,
      prefix: 'failover:',
      idleSeconds: 600,
      browserIdleSeconds: 300,
      absoluteSeconds: 3600,
      touchSeconds: 60,
    });
    admin = createIoredisClient({ url, clusterNodes }) as Cluster;
  }, 60_000);

  afterAll(async () => {
    await redis?.close();
    admin?.disconnect();
    await cluster?.remove();
  });

  it('keeps every session when a master stops and its replica takes over', async () => {
    const sessions = await Promise.all(
      Array.from({ length: 12 }, async () => store.createSession(user(), { ip: null, userAgent: null })),
    );
    // Replication is asynchronous: wait until every write reached a replica before the master goes.
    await admin.ping();
    for (const master of admin.nodes('master')) expect(await master.call('WAIT', 1, 1_500)).toBe(1);

    // The master that serves the first session's user: the sessions it held must survive it.
    const slot = Number(await admin.call('CLUSTER', 'KEYSLOT', `{u:${sessions[0]?.session.userId}}`));
    const [master] = (admin as unknown as { slots: string[][] }).slots[slot] ?? [];
    const victim = cluster.nodes.find((node) => `127.0.0.1:${node.port}` === master);
    if (!victim) throw new Error('no master to stop');
    await victim.kill();

    // Reads fail (fast, by the circuit breaker) until the replica is promoted, then succeed by themselves.
    const deadline = Date.now() + 30_000;
    let found: number | null = null;
    while (found === null && Date.now() < deadline) {
      try {
        const lookups = await Promise.all(sessions.map(({ token }) => store.readSession(token)));
        found = lookups.filter((lookup) => lookup !== null).length;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    expect(found).toBe(sessions.length);
  }, 60_000);
});

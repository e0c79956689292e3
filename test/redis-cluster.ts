import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startPrivateRedis, type PrivateRedis } from './private-redis';

// A Redis Cluster of our own for the tests: masters (and optionally a replica of each) on free ports, each a private
// redis-server with cluster mode on, joined by `redis-cli --cluster create` with every slot assigned. Never the shared
// Redis on 6379.

const run = promisify(execFile);

export type PrivateCluster = {
  nodes: PrivateRedis[];
  /** host:port of every node, comma-separated: what REDIS_CLUSTER_NODES takes. */
  nodeList: string;
  remove(): Promise<void>;
};

async function ready(node: PrivateRedis): Promise<boolean> {
  const info = async (...command: string[]) =>
    (await run('redis-cli', ['-p', String(node.port), ...command])).stdout;
  if (!/cluster_state:ok/.test(await info('cluster', 'info'))) return false;
  // A replica counts once its link to the master is up (its first full sync done).
  const replication = await info('info', 'replication');
  return !/role:slave/.test(replication) || /master_link_status:up/.test(replication);
}

export async function startRedisCluster(
  options: { masters?: number; replicasPerMaster?: number } = {},
): Promise<PrivateCluster> {
  const { masters = 3, replicasPerMaster = 0 } = options;
  const nodes = await Promise.all(
    Array.from({ length: masters * (1 + replicasPerMaster) }, () =>
      startPrivateRedis({
        args: [
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          'nodes.conf',
          '--cluster-node-timeout',
          '2000',
        ],
      }),
    ),
  );
  const addresses = nodes.map((node) => `127.0.0.1:${node.port}`);
  const remove = async () => {
    await Promise.all(nodes.map((node) => node.remove()));
  };
  try {
    await run('redis-cli', [
      '--cluster',
      'create',
      ...addresses,
      '--cluster-replicas',
      String(replicasPerMaster),
      '--cluster-yes',
    ]);
    // Every node must agree that all slots are served before a client may rely on the slot map.
    for (let attempt = 0; attempt < 200; attempt++) {
      const states = await Promise.all(nodes.map(ready));
      if (states.every(Boolean)) return { nodes, nodeList: addresses.join(','), remove };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the test Redis Cluster on ${addresses.join(', ')} did not become ready`);
  } catch (error) {
    await remove();
    throw error;
  }
}

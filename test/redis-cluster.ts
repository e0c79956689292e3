import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startPrivateRedis, type PrivateRedis } from './private-redis';

// A Redis Cluster of our own for the tests: masters on free ports, each a private redis-server with cluster mode on,
// joined by `redis-cli --cluster create` with every slot assigned. Never the shared Redis on 6379.

const run = promisify(execFile);

export type PrivateCluster = {
  nodes: PrivateRedis[];
  /** host:port of every node, comma-separated: what REDIS_CLUSTER_NODES takes. */
  nodeList: string;
  remove(): Promise<void>;
};

async function clusterState(node: PrivateRedis): Promise<string> {
  const { stdout } = await run('redis-cli', ['-p', String(node.port), 'cluster', 'info']);
  return /cluster_state:(\w+)/.exec(stdout)?.[1] ?? 'unknown';
}

export async function startRedisCluster(masters = 3): Promise<PrivateCluster> {
  const nodes = await Promise.all(
    Array.from({ length: masters }, () =>
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
    await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes']);
    // Every node must agree that all slots are served before a client may rely on the slot map.
    for (let attempt = 0; attempt < 100; attempt++) {
      const states = await Promise.all(nodes.map(clusterState));
      if (states.every((state) => state === 'ok')) return { nodes, nodeList: addresses.join(','), remove };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the test Redis Cluster on ${addresses.join(', ')} did not reach cluster_state:ok`);
  } catch (error) {
    await remove();
    throw error;
  }
}

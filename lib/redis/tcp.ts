import type { Writable } from 'node:stream';
import { Cluster, Redis, ReplyError } from 'ioredis';
import { commandName, redactReply, RedisCommandError, RedisUnavailableError, type RedisArg } from './errors';
import type { RedisCommand, RedisReply, RedisTransport } from './port';

export type TcpRedisConfig = {
  url: string;
  /**
   * Redis Cluster's nodes (any of them; the client learns the rest): the Cluster client instead of one connection.
   * `url` then only lends its password and TLS setting.
   */
  clusterNodes?: readonly ClusterNode[];
  /** How long one connection attempt may take before the command fails. */
  connectTimeoutMs?: number;
  /** How long a sent command may wait for its reply. */
  commandTimeoutMs?: number;
};

export type ClusterNode = { host: string; port: number };

const CROSS_SLOT = /should belong to the same slot/;

function translate(error: unknown, command: readonly RedisArg[]): Error {
  if (error instanceof RedisCommandError || error instanceof RedisUnavailableError) return error;
  const name = commandName(command);
  // The Cluster client refuses keys of several slots itself, as Redis would with CROSSSLOT: a wrong command, not
  // a Redis that is away.
  if (error instanceof ReplyError || CROSS_SLOT.test((error as Error)?.message ?? ''))
    return new RedisCommandError(name, redactReply((error as Error).message, command));
  const reason = error instanceof Error ? error.message : String(error);
  return new RedisUnavailableError(name, redactReply(reason, command));
}

function replyOf(value: unknown): RedisReply {
  return value as RedisReply;
}

function settle(
  results: [Error | null, unknown][] | null,
  commands: readonly RedisCommand[],
): (RedisReply | RedisCommandError)[] {
  if (!results) throw new RedisUnavailableError('EXEC', 'transaction discarded');
  return results.map(([error, value], i) => {
    if (!error) return replyOf(value);
    const translated = translate(error, commands[i] ?? []);
    if (translated instanceof RedisCommandError) return translated;
    throw translated;
  });
}

type ClientRole = { subscriber?: boolean };

function connectionOptions(config: TcpRedisConfig, { subscriber = false }: ClientRole) {
  const connectTimeout = config.connectTimeoutMs ?? 2_000;
  // A subscriber's commands wait for the connection (it restores its subscriptions when Redis is back).
  if (subscriber) return { maxRetriesPerRequest: null, connectTimeout };
  return {
    // A dead Redis must fail the request quickly (callers fail closed), not queue it for minutes.
    maxRetriesPerRequest: 1,
    connectTimeout,
    commandTimeout: config.commandTimeoutMs ?? 2_000,
  };
}

const reconnectDelay = (attempt: number) => Math.min(attempt * 100, 2_000);

/** The ioredis client for a config: one connection, or the Cluster client when cluster nodes are given. */
export function createIoredisClient(config: TcpRedisConfig, role: ClientRole = {}): Redis | Cluster {
  if (!config.clusterNodes?.length) {
    return new Redis(config.url, {
      // Connect on first use, so importing the module (or building the app) never opens a socket.
      lazyConnect: true,
      ...connectionOptions(config, role),
      retryStrategy: reconnectDelay,
    });
  }
  const url = new URL(config.url);
  return new Cluster([...config.clusterNodes], {
    lazyConnect: true,
    // Here ioredis's own batching stays: a command sent before the first slots refresh waits for it through the
    // auto-pipeline, which fails it when no node answers; the Cluster's offline queue would hold it for ever.
    enableAutoPipelining: !role.subscriber,
    clusterRetryStrategy: reconnectDelay,
    slotsRefreshTimeout: config.connectTimeoutMs ?? 2_000,
    redisOptions: {
      ...connectionOptions(config, role),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  });
}

/**
 * Commands sent by the requests of one turn of the event loop leave in one write: corked at the first command,
 * uncorked in the check phase. Why not ioredis's auto-pipelining: docs/decisions.md#what-the-benchmarks-changed.
 */
function coalesceWrites(client: Redis): () => void {
  let corked: Writable | null = null;
  const uncork = () => {
    corked?.uncork();
    corked = null;
  };
  return () => {
    // No socket yet (the first, lazy connect): that command waits in ioredis's queue and is written on connect.
    if (corked || !client.stream) return;
    corked = client.stream;
    corked.cork();
    setImmediate(uncork);
  };
}

function isCluster(client: Redis | Cluster): client is Cluster {
  return client instanceof Cluster;
}

/**
 * SCAN over every master of a cluster in turn, as if it were one keyspace: the cursor is `<master>:<cursor>`,
 * and '0' only once the last master is done, as a single node answers.
 */
async function scanCluster(client: Cluster, args: readonly RedisArg[]): Promise<RedisReply> {
  // A lazy client learns its masters on its first command.
  if (client.nodes('master').length === 0) await client.ping();
  const masters = client.nodes('master').sort((a, b) => nodeName(a).localeCompare(nodeName(b)));
  const [cursor = '0', ...rest] = args.map(String);
  const [at, nodeCursor] = cursor === '0' ? [0, '0'] : cursor.split(':');
  const index = Number(at);
  const node = masters[index];
  if (!node || nodeCursor === undefined) throw new RedisCommandError('SCAN', 'ERR invalid cursor');
  const [next, keys] = (await node.call('SCAN', nodeCursor, ...rest)) as [string, string[]];
  if (next !== '0') return [`${index}:${next}`, keys];
  return [index + 1 < masters.length ? `${index + 1}:0` : '0', keys];
}

function nodeName(node: Redis): string {
  return `${node.options.host}:${node.options.port}`;
}

/**
 * The default transport: one ioredis connection per process, or with REDIS_CLUSTER_NODES the Cluster client, which
 * sends each command to the master of its keys' slot (every app key names its slot through a hash tag).
 */
export function createTcpTransport(config: TcpRedisConfig): RedisTransport {
  const client = createIoredisClient(config);
  // Failures reach callers as rejected commands; without a listener ioredis prints every reconnect attempt.
  client.on('error', () => {});
  const coalesce = isCluster(client) ? () => {} : coalesceWrites(client);

  // No offline queue while the connection is lost: a command queued there would time out for its caller and
  // still run when Redis came back (a cart write the shopper was told had failed). Only the first, lazy connect
  // queues, and that wait is bounded by connectTimeout.
  const assertConnected = (command: readonly RedisArg[]) => {
    if (client.status === 'reconnecting' || client.status === 'close') {
      throw new RedisUnavailableError(commandName(command), 'connection lost; reconnecting');
    }
  };

  return {
    name: 'tcp',
    async send(command) {
      assertConnected(command);
      coalesce();
      const [name, ...args] = command;
      try {
        if (isCluster(client) && name.toUpperCase() === 'SCAN') return await scanCluster(client, args);
        return replyOf(await client.call(name, ...args));
      } catch (error) {
        throw translate(error, command);
      }
    },
    async sendPipeline(commands) {
      assertConnected(commands[0] ?? ['PIPELINE']);
      coalesce();
      const pipeline = client.pipeline();
      for (const [name, ...args] of commands) pipeline.call(name, ...args);
      let results: [Error | null, unknown][] | null;
      try {
        results = await pipeline.exec();
      } catch (error) {
        throw translate(error, commands[0] ?? ['PIPELINE']);
      }
      return settle(results, commands);
    },
    async sendMulti(commands) {
      assertConnected(['MULTI']);
      coalesce();
      const multi = client.multi();
      for (const [name, ...args] of commands) multi.call(name, ...args);
      let results: [Error | null, unknown][] | null;
      try {
        results = await multi.exec();
      } catch (error) {
        throw translate(error, ['MULTI', ...commands.flat()]);
      }
      return settle(results, commands);
    },
    async close() {
      // QUIT only on a live connection: queued behind a reconnect it would wait for Redis to come back.
      if (client.status !== 'ready') {
        client.disconnect();
        return;
      }
      await client.quit().catch(() => client.disconnect());
    },
  };
}

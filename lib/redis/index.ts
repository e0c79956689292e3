import 'server-only';
import { env } from '@/lib/env';
import { createPort, type PortOptions, type RedisPort } from './port';
import { createRestTransport, type RestRedisConfig } from './rest';
import { createTcpSubscriber, type RedisSubscriber } from './subscriber';
import { createTcpTransport, type TcpRedisConfig } from './tcp';

export { isRedisUnavailable, RedisUnavailableError } from './errors';
export { defineScript } from './port';
export type { RedisPort, RedisReply } from './port';
export type { RedisSubscriber } from './subscriber';

type RedisConfig = ({ transport: 'tcp' } & TcpRedisConfig) | ({ transport: 'rest' } & RestRedisConfig);

/** A new client for the given config; tests make their own, the app uses getRedis(). */
export function createRedis(config: RedisConfig, options?: PortOptions): RedisPort {
  return createPort(
    config.transport === 'rest' ? createRestTransport(config) : createTcpTransport(config),
    options,
  );
}

/** A dedicated pub/sub connection, or null on the REST transport, which cannot subscribe. */
export function createRedisSubscriber(config: RedisConfig): RedisSubscriber | null {
  return config.transport === 'tcp' ? createTcpSubscriber(config) : null;
}

/** The Redis settings of this process's env: REST with the Upstash settings, else TCP (Cluster with its nodes). */
export function redisConfigFromEnv(source = env): RedisConfig {
  if (source.UPSTASH_REDIS_REST_URL && source.UPSTASH_REDIS_REST_TOKEN) {
    return {
      transport: 'rest',
      url: source.UPSTASH_REDIS_REST_URL,
      token: source.UPSTASH_REDIS_REST_TOKEN,
      timeoutMs: source.REDIS_COMMAND_TIMEOUT_MS,
    };
  }
  return {
    transport: 'tcp',
    url: source.REDIS_URL,
    ...(source.REDIS_CLUSTER_NODES.length ? { clusterNodes: source.REDIS_CLUSTER_NODES } : {}),
    connectTimeoutMs: source.REDIS_CONNECT_TIMEOUT_MS,
    commandTimeoutMs: source.REDIS_COMMAND_TIMEOUT_MS,
  };
}

/**
 * Every key the app writes starts with REDIS_KEY_PREFIX; domain modules take an explicit prefix (tests) or
 * get this one, and build their keys from it in one place each (lib/session/keys.ts, lib/rate-limit).
 */
export function keyPrefix(prefix?: string): string {
  return prefix ?? env.REDIS_KEY_PREFIX;
}

// One client per process, kept on globalThis: in development it survives hot reloads, and in production proxy.ts
// (bundled apart from the routes, run in the same process) sees the same client and so the same availability.
const globalForRedis = globalThis as unknown as { storefrontRedis?: RedisPort };

export function getRedis(): RedisPort {
  globalForRedis.storefrontRedis ??= createRedis(redisConfigFromEnv());
  return globalForRedis.storefrontRedis;
}

const globalForSubscriber = globalThis as unknown as { storefrontRedisSubscriber?: RedisSubscriber | null };

/** The process's one subscriber connection (null on REST), opened on first use. */
export function getRedisSubscriber(): RedisSubscriber | null {
  if (globalForSubscriber.storefrontRedisSubscriber === undefined) {
    globalForSubscriber.storefrontRedisSubscriber = createRedisSubscriber(redisConfigFromEnv());
  }
  return globalForSubscriber.storefrontRedisSubscriber;
}

/** Closes the process's client and subscriber, if they were ever made (at shutdown: lib/lifecycle). */
export async function closeRedisConnections(): Promise<void> {
  await Promise.allSettled([
    globalForRedis.storefrontRedis?.close(),
    globalForSubscriber.storefrontRedisSubscriber?.close(),
  ]);
}

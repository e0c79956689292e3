import { inject } from 'vitest';

// The cluster project's setup file: before a suite imports lib/env, the app's Redis client is pointed at the test
// Redis Cluster (REDIS_CLUSTER_NODES), so getRedis() and everything built on it runs there.
process.env.REDIS_CLUSTER_NODES = inject('redisClusterNodes');

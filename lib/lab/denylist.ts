import 'server-only';
import { getRedis, keyPrefix, type RedisPort } from '@/lib/redis';
import { LAB_JWT_MAX_AGE_SECONDS } from './jwt';

// The usual workaround for JWT sessions: a deny-list of users whose tokens must no longer count, looked up on every
// request. An entry lives as long as the longest JWT issued before it, after which no such token is left to refuse.
//   <prefix>lab-deny:<userId>   string "1", TTL = the lab JWT's max age

type DenyList = {
  deny(userId: string): Promise<void>;
  allow(userId: string): Promise<void>;
  /** One Redis round trip per request: the look-up a JWT was meant to save. */
  isDenied(userId: string): Promise<boolean>;
};

export function createDenyList(options: { redis: RedisPort; prefix?: string }): DenyList {
  const { redis } = options;
  const key = (userId: string) => `${keyPrefix(options.prefix)}lab-deny:${userId}`;
  return {
    async deny(userId) {
      await redis.set(key(userId), '1', { pxMs: LAB_JWT_MAX_AGE_SECONDS * 1000 });
    },
    async allow(userId) {
      await redis.del(key(userId));
    },
    async isDenied(userId) {
      return (await redis.get(key(userId))) !== null;
    },
  };
}

export function getDenyList(): DenyList {
  return createDenyList({ redis: getRedis() });
}

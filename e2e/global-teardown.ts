import { deleteKeysWithPrefix } from '../scripts/redis-keys';
import { testEnvironment } from '../test/env';

// Remove the Redis keys this run wrote, and only those.
export default async function globalTeardown(): Promise<void> {
  const env = testEnvironment('e2e');
  await deleteKeysWithPrefix(env.REDIS_URL as string, env.REDIS_KEY_PREFIX as string);
}

import { Redis, type ChainableCommander } from 'ioredis';

const BATCH = 5_000;

/** Writes items [from, to) in pipelined batches, so a million sessions cost seconds, not a million round trips. */
export async function seedRedis(
  redisUrl: string,
  from: number,
  to: number,
  write: (pipeline: ChainableCommander, index: number) => void,
): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    for (let start = from; start < to; start += BATCH) {
      const pipeline = redis.pipeline();
      for (let index = start; index < Math.min(start + BATCH, to); index++) write(pipeline, index);
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
    }
  } finally {
    redis.disconnect();
  }
}

/** A token for seeded session i: unique and of the library's usual length. */
export const seededToken = (index: number, length = 43) =>
  `seed${index.toString(36)}`.padEnd(length, 'x').slice(0, length);

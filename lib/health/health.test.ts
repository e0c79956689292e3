import { PrismaPg } from '@prisma/adapter-pg';
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { db } from '@/lib/db';
import { PrismaClient } from '@/lib/db/generated/client';
import { createRedis } from '@/lib/redis';
import { checkHealth } from './index';

// A port nothing listens on: the closed-service case without stopping the real services.
const DEAD_REDIS_URL = 'redis://127.0.0.1:1';
const DEAD_DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/nowhere';

describe('health', () => {
  it('answers 200 with both services up', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.json()).toEqual({ ok: true, db: 'up', redis: 'up' });
  });

  it('names Redis as down when it does not answer', async () => {
    const redis = createRedis({ transport: 'tcp', url: DEAD_REDIS_URL });
    try {
      expect(await checkHealth({ database: () => db.$queryRaw`SELECT 1`, redis })).toEqual({
        ok: false,
        db: 'up',
        redis: 'down',
      });
    } finally {
      await redis.close();
    }
  });

  it('names the database as down when its query fails', async () => {
    const redis = createRedis({ transport: 'tcp', url: process.env.REDIS_URL as string });
    const deadDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: DEAD_DATABASE_URL }) });
    try {
      const health = await checkHealth({ database: () => deadDb.$queryRaw`SELECT 1`, redis });
      expect(health).toEqual({ ok: false, db: 'down', redis: 'up' });
    } finally {
      await redis.close();
      await deadDb.$disconnect();
    }
  });
});

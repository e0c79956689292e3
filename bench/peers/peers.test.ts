import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { hashToken, sessionKeys } from '@/lib/session/keys';
import { decodeSession } from '@/lib/session/record';
import { PEERS } from './index';
import { ours, seededSessionToken } from './ours';
import { cookieFromSetCookie, createPeerServer } from './server';
import { seededUserId, type PeerContext } from './types';

// Each compared check really checks: a fresh credential is let in, none is refused, and after logout the ones that
// can revoke refuse the copied cookie while the stateless ones (by design) still accept it.

const context: PeerContext = {
  redisUrl: process.env.REDIS_URL as string,
  databaseUrl: process.env.DATABASE_URL as string,
  prefix: process.env.REDIS_KEY_PREFIX as string,
  secret: randomBytes(32).toString('base64url'),
};

const TABLES = ['bench_sessions', 'ba_account', 'ba_verification', 'ba_user'];

async function dropTables() {
  const client = new pg.Client({ connectionString: context.databaseUrl });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS ${TABLES.join(', ')}`);
  await client.end();
}

beforeAll(async () => {
  await dropTables();
  for (const peer of PEERS) await peer.prepare?.(context);
});

afterAll(dropTables);

describe.each(PEERS.filter((peer) => peer.id !== 'none'))('$id', (definition) => {
  it('answers 200 for a fresh session, 401 without one, and after logout as it documents', async () => {
    const peer = await definition.start(context);
    const server = createPeerServer(peer).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const login = await fetch(`${base}/login?user=peer-test-user`, { method: 'POST' });
      expect(login.status).toBe(204);
      const cookie = cookieFromSetCookie(login.headers.getSetCookie());
      const me = (headers: HeadersInit = {}) => fetch(`${base}/me`, { headers });

      const signedIn = await me({ cookie });
      expect(signedIn.status).toBe(200);
      expect(((await signedIn.json()) as { id: string }).id).toEqual(expect.any(String));
      expect((await me()).status).toBe(401);
      // The same cookie names with the first characters of every value changed.
      expect((await me({ cookie: cookie.replace(/=[^;]{8}/g, '=AAAAAAAA') })).status).toBe(401);

      expect((await fetch(`${base}/logout`, { method: 'POST', headers: { cookie } })).status).toBe(204);
      expect((await me({ cookie })).status).toBe(definition.staleFor === null ? 401 : 200);
    } finally {
      server.close();
      await peer.close();
    }
  });
});

describe('ours: the cold runs’ seeded sessions', () => {
  it('are rewritten as last seen when asked, though they already exist', async () => {
    const index = 12_345;
    const key = sessionKeys(context.prefix).session(
      seededUserId(index),
      hashToken(seededSessionToken(index)),
    );
    const redis = new Redis(context.redisUrl);
    try {
      await ours.seed?.(context, index, index + 1);
      const lastSeenAt = Date.now() - 3_600_000;
      await ours.refreshSeeded?.(context, [index], lastSeenAt);
      expect(decodeSession((await redis.get(key)) as string).lastSeenAt).toBe(lastSeenAt);
      expect(await redis.pttl(key)).toBeGreaterThan(0);
    } finally {
      await redis.del(key);
      redis.disconnect();
    }
  });
});

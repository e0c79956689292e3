// One request's identity check, in process: the Redis session check (unseal the cookie, one EVALSHA that
// returns the session and the user's current role, tier and ban state) against verifying a stateless HS256 JWT
// that carries the same claims. Same machine, same run, alternating rounds; the ratio is what counts.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { jwtVerify, SignJWT } from 'jose';
import { createRedis } from '@/lib/redis';
import { sealToken, unsealToken } from '@/lib/session/cookie';
import { createSessionStore } from '@/lib/session/store';

export type CheckTiming = { name: string; sequentialUs: number; concurrentOpsPerSec: number };

const SEQUENTIAL = 3000;
const CONCURRENT = 16;
const CONCURRENT_TOTAL = 16_000;

async function sequential(check: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < SEQUENTIAL; i++) await check();
  return ((performance.now() - start) * 1000) / SEQUENTIAL;
}

async function concurrent(check: () => Promise<unknown>): Promise<number> {
  let left = CONCURRENT_TOTAL;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      while (left-- > 0) await check();
    }),
  );
  return CONCURRENT_TOTAL / ((performance.now() - start) / 1000);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function measureCheckVsJwt(
  redisUrl: string,
  prefix: string,
  rounds: number,
): Promise<CheckTiming[]> {
  const redis = createRedis({ transport: 'tcp', url: redisUrl });
  const store = createSessionStore({
    redis,
    prefix,
    idleSeconds: 7 * 24 * 3600,
    browserIdleSeconds: 12 * 3600,
    absoluteSeconds: 30 * 24 * 3600,
    touchSeconds: 60,
  });
  const secrets = [randomBytes(32).toString('base64url')];
  const user = {
    id: `bench-${randomBytes(6).toString('hex')}`,
    email: 'bench@bench.example',
    name: 'Bench User',
    role: 'shopper' as const,
    tier: 'standard' as const,
    bannedAt: null,
    bannedUntil: null,
    version: 0,
  };
  const { token } = await store.createSession(user, { ip: '127.0.0.1', userAgent: 'bench' });
  const cookie = await sealToken(token, secrets);
  const jwtKey = randomBytes(32);
  const jwt = await new SignJWT({ role: user.role, tier: user.tier, email: user.email, name: user.name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuedAt()
    .setExpirationTime('30d')
    .sign(jwtKey);

  const checks = {
    jwt: async () => {
      const { payload } = await jwtVerify(jwt, jwtKey, { algorithms: ['HS256'] });
      if (payload.sub !== user.id) throw new Error('JWT check failed');
    },
    redis: async () => {
      const opened = await unsealToken(cookie, secrets);
      const lookup = opened ? await store.readSession(opened) : null;
      if (lookup?.user?.id !== user.id) throw new Error('session check failed');
    },
  };

  const samples = {
    jwt: { seq: [] as number[], conc: [] as number[] },
    redis: { seq: [] as number[], conc: [] as number[] },
  };
  try {
    for (let round = 0; round < rounds + 1; round++) {
      for (const name of ['jwt', 'redis'] as const) {
        const seq = await sequential(checks[name]);
        const conc = await concurrent(checks[name]);
        // Round 0 warms up the JIT and the connection; it is not counted.
        if (round > 0) {
          samples[name].seq.push(seq);
          samples[name].conc.push(conc);
        }
      }
    }
  } finally {
    await store.revokeAllSessions(user.id);
    await store.dropUser(user.id);
    await redis.close();
  }
  return [
    {
      name: 'Stateless JWT (jose, HS256 verify)',
      sequentialUs: median(samples.jwt.seq),
      concurrentOpsPerSec: median(samples.jwt.conc),
    },
    {
      name: 'Redis session (unseal cookie + one EVALSHA)',
      sequentialUs: median(samples.redis.seq),
      concurrentOpsPerSec: median(samples.redis.conc),
    },
  ];
}

import { describe, expect, it } from 'vitest';
import { assertProductionSecrets, demoAccountsAllowed, parseEnv, paymentsUrl, sessionSecrets } from './env';

const PAYMENTS_KEY = 'p4Ym3nts-k3y-0f-its-0wn-Xq8Lr2Vt6Nw';

const production = (SESSION_SECRET?: string, PAYMENTS_JWT_SECRET: string | undefined = PAYMENTS_KEY) =>
  parseEnv({
    NODE_ENV: 'production',
    ...(SESSION_SECRET === undefined ? {} : { SESSION_SECRET }),
    ...(PAYMENTS_JWT_SECRET === undefined ? {} : { PAYMENTS_JWT_SECRET }),
  });

describe('environment', () => {
  it('has working local defaults', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/storefront');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.SESSION_IDLE_SECONDS).toBe(604800);
    expect(env.SESSION_ABSOLUTE_SECONDS).toBe(2592000);
    expect(env.SESSION_TOUCH_SECONDS).toBe(60);
    expect(env.TRUST_PROXY).toBe(false);
  });

  it('names every bad setting in one message', () => {
    expect(() => parseEnv({ REDIS_URL: 'not a url', SESSION_IDLE_SECONDS: '-5' })).toThrow(
      /Invalid environment: .*REDIS_URL.*SESSION_IDLE_SECONDS/,
    );
  });

  it('wants both Upstash settings or neither', () => {
    expect(() => parseEnv({ UPSTASH_REDIS_REST_URL: 'https://example.upstash.io' })).toThrow(/both/);
    expect(
      parseEnv({ UPSTASH_REDIS_REST_URL: '', UPSTASH_REDIS_REST_TOKEN: '' }).UPSTASH_REDIS_REST_URL,
    ).toBe(undefined);
  });

  it('reads Redis Cluster nodes as host:port pairs, and refuses them with Upstash or a prefix with braces', () => {
    expect(parseEnv({}).REDIS_CLUSTER_NODES).toEqual([]);
    expect(parseEnv({ REDIS_CLUSTER_NODES: '127.0.0.1:7001, redis-b:7002,' }).REDIS_CLUSTER_NODES).toEqual([
      { host: '127.0.0.1', port: 7001 },
      { host: 'redis-b', port: 7002 },
    ]);
    for (const bad of ['127.0.0.1', 'host:port', ':7001', 'a:1 b:2']) {
      expect(() => parseEnv({ REDIS_CLUSTER_NODES: bad }), bad).toThrow(/REDIS_CLUSTER_NODES/);
    }
    expect(() =>
      parseEnv({
        REDIS_CLUSTER_NODES: '127.0.0.1:7001',
        UPSTASH_REDIS_REST_URL: 'https://example.upstash.io',
        UPSTASH_REDIS_REST_TOKEN: 'token',
      }),
    ).toThrow(/REDIS_CLUSTER_NODES/);
    expect(() => parseEnv({ REDIS_KEY_PREFIX: 'shop{1}:' })).toThrow(/REDIS_KEY_PREFIX/);
  });

  it('reaches the payments service under SITE_URL unless PAYMENTS_URL says otherwise', () => {
    expect(paymentsUrl(parseEnv({ SITE_URL: 'https://shop.example' }))).toBe(
      'https://shop.example/api/internal/payments',
    );
    expect(paymentsUrl(parseEnv({ PAYMENTS_URL: 'http://127.0.0.1:9/pay' }))).toBe('http://127.0.0.1:9/pay');
  });

  it('splits rotating secrets, first one first', () => {
    expect(sessionSecrets(' first-secret , second-secret ,')).toEqual(['first-secret', 'second-secret']);
  });
});

describe('production secrets', () => {
  const strong = 'q7R2m9XvL4tB8nC1kZ6pW3yH5sJ0dF2gA';

  it('refuse a missing, short or published SESSION_SECRET', () => {
    for (const secret of [
      undefined,
      '',
      'too-short-secret',
      'dev-only-secret-change-me-dev-only-secret',
      `${strong},short`,
    ]) {
      expect(() => assertProductionSecrets(production(secret)), String(secret)).toThrow(/SESSION_SECRET/);
    }
  });

  it('refuse a missing, short or published PAYMENTS_JWT_SECRET, or one shared with SESSION_SECRET', () => {
    expect(() =>
      assertProductionSecrets(parseEnv({ NODE_ENV: 'production', SESSION_SECRET: strong })),
    ).toThrow(/PAYMENTS_JWT_SECRET/);
    for (const key of ['', 'short', 'dev-only-payments-key-change-me-dev-only-key', strong]) {
      expect(() => assertProductionSecrets(production(strong, key)), String(key)).toThrow(
        /PAYMENTS_JWT_SECRET/,
      );
    }
  });

  it('accept strong secrets, and anything outside production', () => {
    expect(() => assertProductionSecrets(production(strong))).not.toThrow();
    expect(() =>
      assertProductionSecrets(production(`${strong},${strong.split('').reverse().join('')}`)),
    ).not.toThrow();
    expect(() => assertProductionSecrets(parseEnv({ NODE_ENV: 'development' }))).not.toThrow();
  });

  it('allows the demo accounts outside production, and in production only with DEMO_ACCOUNTS=on', () => {
    expect(demoAccountsAllowed(parseEnv({ NODE_ENV: 'development' }))).toBe(true);
    expect(demoAccountsAllowed(parseEnv({ NODE_ENV: 'test' }))).toBe(true);
    expect(demoAccountsAllowed(parseEnv({ NODE_ENV: 'production' }))).toBe(false);
    expect(demoAccountsAllowed(parseEnv({ NODE_ENV: 'production', DEMO_ACCOUNTS: 'on' }))).toBe(true);
    expect(demoAccountsAllowed(parseEnv({ NODE_ENV: 'development', DEMO_ACCOUNTS: 'off' }))).toBe(false);
    expect(() => parseEnv({ DEMO_ACCOUNTS: 'yes' })).toThrow(/DEMO_ACCOUNTS/);
  });
});

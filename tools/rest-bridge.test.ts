import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRestBridge, type RestBridge } from './rest-bridge';
import { testPrefix } from '@/test/redis';

// The bridge's wire protocol, spoken by hand; redis.test.ts runs the real @upstash/redis client through it.

const token = randomBytes(24).toString('base64url');
const prefix = testPrefix('rest-bridge');
let bridge: RestBridge;

beforeAll(async () => {
  bridge = await startRestBridge({ redisUrl: process.env.REDIS_URL as string, token });
});

afterAll(async () => {
  await bridge.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${bridge.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const b64 = (value: string) => Buffer.from(value).toString('base64');
const base64 = { 'Upstash-Encoding': 'base64' };

describe('Upstash REST bridge', () => {
  it('listens on the loopback interface only', () => {
    expect(new URL(bridge.url).hostname).toBe('127.0.0.1');
  });

  it('refuses requests without the bearer token', async () => {
    const key = `${prefix}unauthorized`;
    for (const authorization of [undefined, 'Bearer wrong-token', token, `Basic ${token}`]) {
      const response = await fetch(bridge.url, {
        method: 'POST',
        headers: authorization ? { Authorization: authorization } : {},
        body: JSON.stringify(['SET', key, 'x']),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'Unauthorized' });
    }
    expect((await post('/', ['EXISTS', key])).body).toEqual({ result: 0 });
  });

  it('runs one command: plain strings without the encoding header', async () => {
    const key = `${prefix}plain`;
    expect(await post('/', ['SET', key, '0012', 'PX', 60_000])).toEqual({
      status: 200,
      body: { result: 'OK' },
    });
    expect(await post('/', ['GET', key])).toEqual({ status: 200, body: { result: '0012' } });
  });

  it('base64-encodes strings except the OK status; integers stay numbers, nil is null', async () => {
    const key = `${prefix}encoded`;
    expect((await post('/', ['SET', key, 'héllo 🎉', 'PX', 60_000], base64)).body).toEqual({ result: 'OK' });
    expect((await post('/', ['GET', key], base64)).body).toEqual({ result: b64('héllo 🎉') });
    expect((await post('/', ['PING'], base64)).body).toEqual({ result: b64('PONG') });
    expect((await post('/', ['STRLEN', key], base64)).body).toEqual({
      result: Buffer.byteLength('héllo 🎉'),
    });
    expect((await post('/', ['GET', `${prefix}missing`], base64)).body).toEqual({ result: null });
  });

  it('encodes nested arrays recursively', async () => {
    const script = "return {'a', {'b', 7, false}, 'OK'}";
    expect((await post('/', ['EVAL', script, 0], base64)).body).toEqual({
      result: [b64('a'), [b64('b'), 7, null], 'OK'],
    });
  });

  it('answers a Redis error with HTTP 400', async () => {
    const key = `${prefix}wrongtype`;
    await post('/', ['SET', key, 'x', 'PX', 60_000]);
    const { status, body } = await post('/', ['HGET', key, 'field']);
    expect(status).toBe(400);
    expect(body).toEqual({ error: expect.stringMatching(/^WRONGTYPE/) });
  });

  it('runs a pipeline: one slot per command, errors in their slot', async () => {
    const key = `${prefix}pipeline`;
    const { status, body } = await post(
      '/pipeline',
      [
        ['SET', key, '1', 'PX', 60_000],
        ['INCR', key],
        ['HGET', key, 'f'],
        ['GET', key],
      ],
      base64,
    );
    expect(status).toBe(200);
    expect(body).toEqual([
      { result: 'OK' },
      { result: 2 },
      { error: expect.stringMatching(/^WRONGTYPE/) },
      { result: b64('2') },
    ]);
  });

  it('runs a transaction with /multi-exec, and refuses one Redis would abort', async () => {
    const key = `${prefix}multi`;
    const { body } = await post('/multi-exec', [
      ['INCR', key],
      ['INCR', key],
      ['PEXPIRE', key, 60_000],
    ]);
    expect(body).toEqual([{ result: 1 }, { result: 2 }, { result: 1 }]);
    const aborted = await post('/multi-exec', [['INCR', key], ['NOSUCHCOMMAND']]);
    expect(aborted.status).toBe(400);
    expect((await post('/', ['GET', key])).body).toEqual({ result: '2' });
  });

  it('rejects malformed requests and commands that would change the shared connection', async () => {
    expect((await post('/', 'GET')).status).toBe(400);
    expect((await post('/', [])).status).toBe(400);
    expect((await post('/', ['GET', { key: 'x' }])).status).toBe(400);
    expect((await post('/', ['SELECT', '1'])).status).toBe(400);
    expect((await post('/pipeline', [['SELECT', '1']])).status).toBe(400);
    expect((await post('/unknown', ['PING'])).status).toBe(404);
  });
});

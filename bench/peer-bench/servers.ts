// The bench's processes: a private redis-server per store size, one server per check, and the sign-ins they take.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { cookieFromSetCookie } from '../peers/server';
import type { PeerContext, PeerDefinition } from '../peers/types';
import { withDatabase } from '../postgres';
import type { Server } from './types';
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Seeding a million sessions and reading used_memory must never touch the shared Redis: this one is ours alone.
export async function startPrivateRedis(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => {});
    try {
      await redis.connect();
      await redis.ping();
      return { url, process: child };
    } catch {
      await sleep(100);
    } finally {
      redis.disconnect();
    }
  }
  child.kill();
  throw new Error('redis-server did not start: is it installed (apt-get install redis-server)?');
}

export async function redisInfo(url: string, section: string): Promise<string> {
  const redis = new Redis(url);
  const info = await redis.info(section);
  redis.disconnect();
  return info;
}

export const usedMemory = async (url: string) =>
  Number(/used_memory:(\d+)/.exec(await redisInfo(url, 'memory'))?.[1]);

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startPeer(
  definition: PeerDefinition,
  context: PeerContext,
  scale = 0,
): Promise<Server> {
  const child = fork(path.resolve('bench/peers/serve.ts'), [definition.id], {
    execArgv: ['--conditions=react-server', '--import', 'tsx'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      BENCH_PEER_CONTEXT: JSON.stringify(context),
      // The project's check reads its settings from lib/env, like the app.
      REDIS_URL: context.redisUrl,
      REDIS_KEY_PREFIX: context.prefix,
      DATABASE_URL: context.databaseUrl,
      SESSION_SECRET: context.secret,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`peer ${definition.id} exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    id: definition.id,
    scale,
    base,
    child,
    variant: 'warm',
    cookie: await signIn(base, `bench-${definition.id}`),
  };
}

export async function signIn(base: string, userId: string): Promise<string> {
  const response = await fetch(`${base}/login?user=${encodeURIComponent(userId)}`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`${base} login answered ${response.status}`);
  return cookieFromSetCookie(response.headers.getSetCookie());
}

export function stopPeer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.disconnect();
    setTimeout(() => server.child.kill('SIGKILL'), 5_000).unref();
  });
}

export async function logoutOf(base: string, cookie: string): Promise<void> {
  const response = await fetch(`${base}/logout`, { method: 'POST', headers: { cookie } });
  if (response.status !== 204) throw new Error(`${base} logout answered ${response.status}`);
}

export async function tableBytes(url: string): Promise<number> {
  return withDatabase(url, async (client) => {
    const { rows } = await client.query<{ size: string }>(
      "SELECT pg_total_relation_size('bench_sessions') AS size",
    );
    return Number(rows[0]?.size);
  });
}

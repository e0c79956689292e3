// `npm run redis:rest-bridge`: the Upstash REST protocol on 127.0.0.1 in front of the local Redis, so the
// app (or a benchmark) can run on the REST transport without an Upstash account or Docker.
import { randomBytes } from 'node:crypto';
import { loadEnvConfig } from '@next/env';
import { DEFAULT_REDIS_URL } from '../lib/env';
import { startRestBridge } from './rest-bridge';

loadEnvConfig(process.cwd());

async function main() {
  const port = Number(process.env.UPSTASH_BRIDGE_PORT ?? 8079);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('UPSTASH_BRIDGE_PORT must be a port number.');
  const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
  // Without a configured token, a fresh one per run: the bridge never listens unauthenticated.
  const token = process.env.UPSTASH_REDIS_REST_TOKEN || randomBytes(24).toString('base64url');
  const bridge = await startRestBridge({ redisUrl, token, port });
  console.log(`Upstash REST bridge on ${bridge.url} -> ${new URL(redisUrl).host}. Use:`);
  console.log(`UPSTASH_REDIS_REST_URL=${bridge.url}`);
  console.log(`UPSTASH_REDIS_REST_TOKEN=${token}`);
  const stop = () => {
    bridge.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

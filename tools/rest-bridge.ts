import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

// A local stand-in for Upstash's REST API in front of a real Redis (what serverless-redis-http does in
// Docker), so the REST adapter runs against real Redis in development and tests. It speaks the subset
// @upstash/redis 1.39 uses: POST / (one command), POST /pipeline, POST /multi-exec, Bearer auth, and the
// `Upstash-Encoding: base64` response encoding. Imported by scripts too, so no 'server-only' here.

export type RestBridgeOptions = { redisUrl: string; token: string; port?: number; host?: string };
export type RestBridge = { url: string; port: number; close(): Promise<void> };

type Reply = Buffer | string | number | null | Error | Reply[];
type Encoded = string | number | null | Encoded[];
type Slot = { result: Encoded } | { error: string };

const MAX_BODY_BYTES = 1024 * 1024;

// These change or hold the one shared connection, which every request uses.
const REFUSED = new Set([
  'SELECT',
  'SUBSCRIBE',
  'PSUBSCRIBE',
  'SSUBSCRIBE',
  'MONITOR',
  'QUIT',
  'RESET',
  'CLIENT',
]);

class BadRequest extends Error {}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function authorized(request: IncomingMessage, expected: Buffer): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  return match !== null && timingSafeEqual(digest(match[1] as string), expected);
}

/** Upstash's encoding: every string base64 except the status reply OK; integers and nil as they are. */
function encode(reply: Reply, base64: boolean): Encoded {
  if (reply === null || typeof reply === 'number') return reply;
  if (reply instanceof Error) throw reply;
  if (Array.isArray(reply)) return reply.map((item) => encode(item, base64));
  const bytes = typeof reply === 'string' ? Buffer.from(reply) : reply;
  if (!base64) return bytes.toString('utf8');
  return bytes.equals(Buffer.from('OK')) ? 'OK' : bytes.toString('base64');
}

function parseCommand(value: unknown): [string, ...string[]] {
  if (!Array.isArray(value) || value.length === 0) throw new BadRequest('ERR a command is a non-empty array');
  const args = value.map((arg) => {
    if (typeof arg === 'string') return arg;
    if (typeof arg === 'number' || typeof arg === 'boolean') return String(arg);
    throw new BadRequest('ERR command arguments must be strings or numbers');
  });
  const name = args[0] as string;
  if (REFUSED.has(name.toUpperCase())) throw new BadRequest(`ERR ${name} is not supported over REST`);
  return [name, ...args.slice(1)];
}

function parseCommands(value: unknown): [string, ...string[]][] {
  if (!Array.isArray(value) || value.length === 0)
    throw new BadRequest('ERR a pipeline is a non-empty array');
  return value.map(parseCommand);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('ERR request body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('ERR request body is not valid JSON');
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

export async function startRestBridge(options: RestBridgeOptions): Promise<RestBridge> {
  if (!options.token) throw new Error('The REST bridge needs a token.');
  const expected = digest(options.token);
  const redis = new Redis(options.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  });
  redis.on('error', () => {});
  await redis.connect();

  function slotOf([error, value]: [Error | null, unknown], base64: boolean): Slot {
    if (error) return { error: errorMessage(error) };
    try {
      return { result: encode(value as Reply, base64) };
    } catch (nested) {
      return { error: errorMessage(nested) };
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!authorized(request, expected)) return send(response, 401, { error: 'Unauthorized' });
    if (request.method !== 'POST') return send(response, 405, { error: 'ERR only POST is supported' });
    const base64 = request.headers['upstash-encoding'] === 'base64';
    const path = new URL(request.url ?? '/', 'http://bridge').pathname.replace(/\/+$/, '') || '/';
    const body = await readBody(request);

    if (path === '/') {
      const [name, ...args] = parseCommand(body);
      try {
        return send(response, 200, {
          result: encode((await redis.callBuffer(name, ...args)) as Reply, base64),
        });
      } catch (error) {
        return send(response, 400, { error: errorMessage(error) });
      }
    }
    if (path === '/pipeline' || path === '/multi-exec') {
      const commands = parseCommands(body);
      const batch = path === '/pipeline' ? redis.pipeline() : redis.multi();
      for (const [name, ...args] of commands) batch.callBuffer(name, ...args);
      let results: [Error | null, unknown][] | null;
      try {
        results = await batch.exec();
      } catch (error) {
        // A transaction with a command Redis refused to queue is discarded whole (EXECABORT).
        return send(response, 400, { error: errorMessage(error) });
      }
      if (!results) return send(response, 400, { error: 'ERR transaction discarded' });
      return send(
        response,
        200,
        results.map((result) => slotOf(result, base64)),
      );
    }
    return send(response, 404, { error: `ERR unknown endpoint ${path}` });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof BadRequest) send(response, 400, { error: error.message });
      else send(response, 500, { error: 'ERR bridge failure' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port, address } = server.address() as AddressInfo;

  return {
    url: `http://${address}:${port}`,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

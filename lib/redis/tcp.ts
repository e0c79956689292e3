import { Redis, ReplyError } from 'ioredis';
import { commandName, redactReply, RedisCommandError, RedisUnavailableError, type RedisArg } from './errors';
import type { RedisCommand, RedisReply, RedisTransport } from './port';

export type TcpRedisConfig = {
  url: string;
  /** How long one connection attempt may take before the command fails. */
  connectTimeoutMs?: number;
  /** How long a sent command may wait for its reply. */
  commandTimeoutMs?: number;
};

function translate(error: unknown, command: readonly RedisArg[]): Error {
  const name = commandName(command);
  if (error instanceof ReplyError)
    return new RedisCommandError(name, redactReply((error as Error).message, command));
  const reason = error instanceof Error ? error.message : String(error);
  return new RedisUnavailableError(name, redactReply(reason, command));
}

function replyOf(value: unknown): RedisReply {
  return value as RedisReply;
}

function settle(
  results: [Error | null, unknown][] | null,
  commands: readonly RedisCommand[],
): (RedisReply | RedisCommandError)[] {
  if (!results) throw new RedisUnavailableError('EXEC', 'transaction discarded');
  return results.map(([error, value], i) => {
    if (!error) return replyOf(value);
    const translated = translate(error, commands[i] ?? []);
    if (translated instanceof RedisCommandError) return translated;
    throw translated;
  });
}

/** The default transport: one ioredis connection per process. */
export function createTcpTransport(config: TcpRedisConfig): RedisTransport {
  const client = new Redis(config.url, {
    // Connect on first use, so importing the module (or building the app) never opens a socket.
    lazyConnect: true,
    // Concurrent commands from parallel requests share one write; replies keep their order.
    enableAutoPipelining: true,
    // A dead Redis must fail the request quickly (callers fail closed), not queue it for minutes.
    maxRetriesPerRequest: 1,
    connectTimeout: config.connectTimeoutMs ?? 2_000,
    commandTimeout: config.commandTimeoutMs ?? 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  });
  // Failures reach callers as rejected commands; without a listener ioredis prints every reconnect attempt.
  client.on('error', () => {});

  // No offline queue while the connection is lost: a command queued there would time out for its caller and
  // still run when Redis came back (a cart write the shopper was told had failed). Only the first, lazy connect
  // queues, and that wait is bounded by connectTimeout.
  const assertConnected = (command: readonly RedisArg[]) => {
    if (client.status === 'reconnecting' || client.status === 'close') {
      throw new RedisUnavailableError(commandName(command), 'connection lost; reconnecting');
    }
  };

  return {
    name: 'tcp',
    async send(command) {
      assertConnected(command);
      const [name, ...args] = command;
      try {
        return replyOf(await client.call(name, ...args));
      } catch (error) {
        throw translate(error, command);
      }
    },
    async sendPipeline(commands) {
      assertConnected(commands[0] ?? ['PIPELINE']);
      const pipeline = client.pipeline();
      for (const [name, ...args] of commands) pipeline.call(name, ...args);
      let results: [Error | null, unknown][] | null;
      try {
        results = await pipeline.exec();
      } catch (error) {
        throw translate(error, commands[0] ?? ['PIPELINE']);
      }
      return settle(results, commands);
    },
    async sendMulti(commands) {
      assertConnected(['MULTI']);
      const multi = client.multi();
      for (const [name, ...args] of commands) multi.call(name, ...args);
      let results: [Error | null, unknown][] | null;
      try {
        results = await multi.exec();
      } catch (error) {
        throw translate(error, ['MULTI', ...commands.flat()]);
      }
      return settle(results, commands);
    },
    async close() {
      // QUIT only on a live connection: queued behind a reconnect it would wait for Redis to come back.
      if (client.status !== 'ready') {
        client.disconnect();
        return;
      }
      await client.quit().catch(() => client.disconnect());
    },
  };
}

import { Redis as UpstashRedis } from '@upstash/redis';
import { commandName, redactReply, RedisCommandError, RedisUnavailableError, type RedisArg } from './errors';
import type { RedisCommand, RedisReply, RedisTransport } from './port';

export type RestRedisConfig = {
  url: string;
  token: string;
  /** How long one HTTP request may take, connection included, before the command fails. */
  timeoutMs?: number;
};

// The client's HTTP errors read "<redis error>, command was: [<every argument>]".
const QUOTED_COMMAND = /, command was: .*$/s;

function translate(error: unknown, command: readonly RedisArg[]): Error {
  const name = commandName(command);
  if (!(error instanceof Error)) return new RedisUnavailableError(name, 'request failed');
  const message = error.message.replace(QUOTED_COMMAND, '');
  // UpstashError carries the server's error reply; anything else (fetch failed, unreadable body) is transport.
  if (error.name === 'UpstashError') {
    return new RedisCommandError(name, redactReply(message, command));
  }
  return new RedisUnavailableError(name, redactReply(message, command));
}

type Slot = { result?: unknown; error?: string };

/**
 * The real @upstash/redis client, with raw access to its HTTP requester: the public Pipeline API only chains
 * typed command objects, while this port sends command arrays; `request` is the same call Pipeline.exec makes.
 */
class UpstashClient extends UpstashRedis {
  constructor(config: RestRedisConfig) {
    super({
      url: config.url,
      token: config.token,
      // Values come back byte-exact ("0012" stays "0012"): JSON parsing is the caller's business.
      automaticDeserialization: false,
      // Commands go out in the order they are awaited; batching is explicit through pipeline().
      enableAutoPipelining: false,
      enableTelemetry: false,
      // Network retries would stretch a dead-Redis failure over seconds; callers fail closed instead.
      retry: false,
      // fetch has no timeout of its own. The function form matters: given a plain signal, the client turns an
      // abort into a successful "Aborted" result; given a function, it rethrows.
      signal: () => AbortSignal.timeout(config.timeoutMs ?? 2_000),
    });
  }

  async batch(path: 'pipeline' | 'multi-exec', commands: readonly RedisCommand[]): Promise<Slot[]> {
    const response = (await this.client.request({ path: [path], body: commands })) as unknown;
    if (!Array.isArray(response)) throw new Error(`unexpected ${path} response`);
    return response as Slot[];
  }
}

export function createRestTransport(config: RestRedisConfig): RedisTransport {
  const client = new UpstashClient(config);

  async function batch(path: 'pipeline' | 'multi-exec', commands: readonly RedisCommand[]) {
    let slots: Slot[];
    try {
      slots = await client.batch(path, commands);
    } catch (error) {
      throw translate(
        error,
        path === 'multi-exec' ? ['MULTI', ...commands.flat()] : (commands[0] ?? ['PIPELINE']),
      );
    }
    return commands.map((command, i): RedisReply | RedisCommandError => {
      const slot = slots[i];
      if (!slot) throw new RedisUnavailableError(commandName(command), 'missing pipeline result');
      if (slot.error !== undefined)
        return new RedisCommandError(commandName(command), redactReply(slot.error, command));
      return slot.result as RedisReply;
    });
  }

  return {
    name: 'rest',
    async send(command) {
      try {
        return (await client.exec([...command])) as RedisReply;
      } catch (error) {
        throw translate(error, command);
      }
    },
    sendPipeline: (commands) => batch('pipeline', commands),
    sendMulti: (commands) => batch('multi-exec', commands),
    // HTTP holds no connection open beyond keep-alive sockets, which the runtime reaps.
    close: async () => {},
  };
}

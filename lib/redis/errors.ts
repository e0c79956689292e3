// Redis errors that are safe to log. Clients quote whole commands in their errors (ioredis keeps the
// arguments on `error.command`, @upstash/redis appends `command was: [...]`), and those arguments are
// session records, user records and hashed tokens, so the originals never travel further than here.

export type RedisArg = string | number;

/** Redis answered with an error reply (wrong type, bad script, ...); the message names the command only. */
export class RedisCommandError extends Error {
  constructor(
    readonly command: string,
    readonly reply: string,
  ) {
    super(`Redis ${command} failed: ${reply}`);
    this.name = 'RedisCommandError';
  }
}

/** Redis could not be reached in time; callers fail closed on this. */
export class RedisUnavailableError extends Error {
  constructor(
    readonly command: string,
    reason: string,
  ) {
    super(`Redis unavailable during ${command}: ${reason}`);
    this.name = 'RedisUnavailableError';
  }
}

const MAX_REPLY_LENGTH = 160;

// Redis itself echoes arguments in a few replies ("unknown command 'x', with args beginning with: ...").
export function redactReply(reply: string, args: readonly RedisArg[]): string {
  let text = reply.split('\n')[0] ?? '';
  text = text.replace(/with args beginning with:.*$/i, 'with args beginning with: [redacted]');
  for (const arg of args) {
    const value = String(arg);
    // Short arguments (counts, flags, "0") cannot carry a secret and would shred the message if replaced.
    if (value.length >= 4) text = text.split(value).join('[redacted]');
  }
  return text.length > MAX_REPLY_LENGTH ? `${text.slice(0, MAX_REPLY_LENGTH)}...` : text;
}

export function commandName(command: readonly RedisArg[]): string {
  return String(command[0] ?? 'command').toUpperCase();
}

/**
 * Whether Redis could not be reached. Checked by name, not instanceof: the process's one client (kept on globalThis)
 * may have been made by another bundle's copy of this module (proxy.ts, a route handler, a page), whose class is a
 * different object.
 */
export function isRedisUnavailable(error: unknown): error is RedisUnavailableError {
  return error instanceof Error && error.name === 'RedisUnavailableError';
}

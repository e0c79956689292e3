import net from 'node:net';

const BATCH = 10_000;

function resp(command: (string | number)[]): string {
  let text = `*${command.length}\r\n`;
  for (const part of command) {
    const value = String(part);
    text += `$${Buffer.byteLength(value)}\r\n${value}\r\n`;
  }
  return text;
}

/**
 * Sends the commands for items [from, to) straight down one socket in batches of RESP, so a million sessions cost
 * seconds. Every command the seeders send answers one line (+OK, :1), so counting lines counts replies.
 */
export async function seedRedis(
  redisUrl: string,
  from: number,
  to: number,
  commands: (index: number) => (string | number)[][],
): Promise<void> {
  const url = new URL(redisUrl);
  const socket = net.connect({ host: url.hostname, port: Number(url.port || 6379) });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let replies = 0;
  let failure: Error | null = null;
  let waiting: { count: number; resolve: () => void; reject: (error: Error) => void } | null = null;
  socket.on('data', (chunk: Buffer) => {
    const text = chunk.toString('latin1');
    const error = /(^|\n)-([^\r]*)/.exec(text);
    failure ??= error ? new Error(`seeding failed: ${error[2]}`) : null;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) replies++;
    if (waiting && (failure || replies >= waiting.count)) {
      if (failure) waiting.reject(failure);
      else waiting.resolve();
    }
  });
  const settled = (count: number) =>
    failure
      ? Promise.reject(failure)
      : replies >= count
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiting = { count, resolve, reject };
          });
  try {
    let sent = 0;
    for (let start = from; start < to; start += BATCH) {
      let text = '';
      for (let index = start; index < Math.min(start + BATCH, to); index++) {
        for (const command of commands(index)) {
          text += resp(command);
          sent++;
        }
      }
      // At most one batch in flight beyond the one being written: Redis's output buffers stay small.
      await settled(sent - BATCH * 2);
      socket.write(text);
    }
    await settled(sent);
  } finally {
    socket.destroy();
  }
}

/** A token for seeded session i: unique and of the library's usual length. */
export const seededToken = (index: number, length = 43) =>
  `seed${index.toString(36)}`.padEnd(length, 'x').slice(0, length);

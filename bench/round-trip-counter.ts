import net from 'node:net';

// A loopback TCP relay between a server and Redis or PostgreSQL that counts what the server sends: Redis commands
// (parsed from the RESP stream) or PostgreSQL queries (simple queries and executes of the wire protocol), and writes
// (each flush is one round trip; the app's client lets the requests of one event-loop turn share one).
// Redis's own counters can't tell this: they also count every command a Lua script runs.
export type RedisTraffic = { commands: number; writes: number; byName: Map<string, number> };
export type RoundTripCounter = { url: string; traffic: () => RedisTraffic; close: () => Promise<void> };

// Counts complete RESP commands (arrays of bulk strings) across chunk boundaries.
function createCommandParser(onCommand: (name: string) => void) {
  let buffer = Buffer.alloc(0);
  return (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      let offset = 0;
      const line = () => {
        const end = buffer.indexOf('\r\n', offset);
        if (end === -1) return null;
        const text = buffer.toString('latin1', offset, end);
        offset = end + 2;
        return text;
      };
      const header = line();
      if (header === null || !header.startsWith('*')) return;
      const count = Number(header.slice(1));
      let name: string | null = null;
      for (let i = 0; i < count; i++) {
        const size = line();
        if (size === null) return;
        const length = Number(size.slice(1));
        if (buffer.length < offset + length + 2) return;
        if (i === 0) name = buffer.toString('latin1', offset, offset + length).toUpperCase();
        offset += length + 2;
      }
      buffer = buffer.subarray(offset);
      onCommand(name ?? '?');
    }
  };
}

// Counts PostgreSQL frontend messages that run a statement: Query ('Q') and Execute ('E'). The first message of a
// connection is the startup packet, which has no type byte.
function createQueryParser(onQuery: (name: string) => void) {
  let buffer = Buffer.alloc(0);
  let started = false;
  return (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerSize = started ? 5 : 4;
      if (buffer.length < headerSize) return;
      const size = buffer.readInt32BE(started ? 1 : 0) + (started ? 1 : 0);
      if (buffer.length < size) return;
      const type = started ? String.fromCharCode(buffer[0] as number) : null;
      buffer = buffer.subarray(size);
      started = true;
      if (type === 'Q') onQuery('query');
      else if (type === 'E') onQuery('execute');
    }
  };
}

export async function startRoundTripCounter(
  url: string,
  protocol: 'redis' | 'postgres' = 'redis',
): Promise<RoundTripCounter> {
  const target = new URL(url);
  const traffic: RedisTraffic = { commands: 0, writes: 0, byName: new Map() };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const port = Number(target.port || (protocol === 'redis' ? 6379 : 5432));
    const upstream = net.connect({ host: target.hostname, port });
    sockets.add(client).add(upstream);
    const parse = (protocol === 'redis' ? createCommandParser : createQueryParser)((name) => {
      traffic.commands++;
      traffic.byName.set(name, (traffic.byName.get(name) ?? 0) + 1);
    });
    client.on('data', (chunk) => {
      traffic.writes++;
      parse(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const relayed = new URL(url);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(port);
  return {
    url: relayed.toString(),
    traffic: () => ({ ...traffic, byName: new Map(traffic.byName) }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

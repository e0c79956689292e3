import net from 'node:net';

// A loopback TCP relay between the app and Redis that counts what the app sends: commands (parsed from the RESP
// stream) and writes (each flush is one round trip; ioredis's auto-pipelining lets concurrent requests share one).
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

export async function startRoundTripCounter(redisUrl: string): Promise<RoundTripCounter> {
  const target = new URL(redisUrl);
  const traffic: RedisTraffic = { commands: 0, writes: 0, byName: new Map() };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: target.hostname, port: Number(target.port || 6379) });
    sockets.add(client).add(upstream);
    const parse = createCommandParser((name) => {
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
  return {
    url: `redis://127.0.0.1:${port}`,
    traffic: () => ({ ...traffic, byName: new Map(traffic.byName) }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

import { Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPrefix, useRedis } from '@/test/redis';

// Writes that reach a Redis socket, one entry per write the socket makes (_write for one chunk, _writev for several):
// how many commands each carried.
function recordRedisWrites(ports: Set<number>): number[] {
  const writes: number[] = [];
  const toRedis = (socket: Socket) => ports.has(socket.remotePort ?? -1);
  const write = Socket.prototype._write;
  const writev = Socket.prototype._writev;
  vi.spyOn(Socket.prototype, '_write').mockImplementation(function (this: Socket, ...args) {
    if (toRedis(this)) writes.push(1);
    return write.apply(this, args);
  });
  vi.spyOn(Socket.prototype, '_writev').mockImplementation(function (this: Socket, chunks, callback) {
    if (toRedis(this)) writes.push(chunks.length);
    return writev?.call(this, chunks, callback);
  });
  return writes;
}

// On Redis Cluster the client keeps ioredis's own batching (lib/redis/tcp.ts says why).
describe('Redis writes over one TCP connection', () => {
  const redis = useRedis('tcp');
  const prefix = testPrefix('tcp-writes');
  const key = (name: string) => `${prefix}${name}`;
  const ports = () => new Set([Number(new URL(process.env.REDIS_URL as string).port || 6379)]);

  afterEach(async () => {
    vi.restoreAllMocks();
    await redis().del(key('a'), key('b'));
  });

  it('sends the commands of one turn of the event loop in one write, and answers each in order', async () => {
    await redis().set(key('a'), 'first');
    await redis().set(key('b'), 'second');
    const writes = recordRedisWrites(ports());
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => redis().get(key(i % 2 ? 'b' : 'a'))),
    );
    expect(replies).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? 'second' : 'first')));
    expect(writes).toEqual([20]);
  });
});

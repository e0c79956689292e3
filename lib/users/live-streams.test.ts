import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keysUnder, testPrefix, TRANSPORTS, useRedis } from '@/test/redis';
import { createLiveStreams, newStreamId, STREAM_MAX_AGE_MS } from './live-streams';

describe.each(TRANSPORTS)('live streams over %s', (transport) => {
  const redis = useRedis(transport);
  const prefix = testPrefix(`live-streams-${transport}`);
  const channel = `${prefix}user-events`;

  function setup() {
    const clock = { now: Date.now() };
    const streams = createLiveStreams({
      redis: redis(),
      prefix,
      channel,
      perSession: 2,
      perUser: 3,
      now: () => clock.now,
    });
    const userId = `u${randomBytes(6).toString('hex')}`;
    const entry = (sessionId: string) => ({
      userId,
      sessionId: `${userId}.${sessionId}`,
      streamId: newStreamId(),
    });
    return { streams, clock, entry };
  }

  it('closes the oldest of a session beyond its cap, then the oldest of the user beyond theirs', async () => {
    const { streams, clock, entry } = setup();
    const [a1, a2, a3, b1, c1] = [entry('a'), entry('a'), entry('a'), entry('b'), entry('c')];
    for (const stream of [a1, a2]) {
      expect(await streams.open(stream)).toEqual([]);
      clock.now += 1;
    }
    expect(await streams.open(a3)).toEqual([a1.streamId]);
    clock.now += 1;
    expect(await streams.open(b1)).toEqual([]);
    clock.now += 1;
    // a2, a3, b1 open: a fourth stream of the user closes the oldest of them, whichever session holds it.
    expect(await streams.open(c1)).toEqual([a2.streamId]);
    // One counted out leaves room: the next open closes nothing.
    await streams.close(b1);
    clock.now += 1;
    expect(await streams.open(entry('d'))).toEqual([]);
  });

  it('forgets streams older than the longest a stream lives (an instance that died never counted its out)', async () => {
    const { streams, clock, entry } = setup();
    for (const stream of [entry('a'), entry('b'), entry('c')]) await streams.open(stream);
    clock.now += STREAM_MAX_AGE_MS + 1;
    expect(await streams.open(entry('d'))).toEqual([]);
    const [key] = await keysUnder(redis(), prefix);
    expect(await redis().pttl(key as string)).toBeGreaterThan(0);
  });
});

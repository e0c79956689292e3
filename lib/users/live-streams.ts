import 'server-only';
import { randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import { defineScript, getRedis, keyPrefix, type RedisPort } from '@/lib/redis';
import { userTag } from '@/lib/session/keys';
import { getSessionStore } from '@/lib/session/store';

// How many open-tab event streams (GET /api/account/events) a session and a user may hold. Each one costs a socket,
// a listener, a timer and a session check per event, so a newer stream closes the oldest beyond either cap. The
// count is in Redis, one sorted set per user (`<prefix>live-streams:{u:<userId>}`, members "<session id> <stream
// id>" scored by when each opened), so the caps hold however many instances serve the user; the streams a newer one
// closes are named in a user event, which reaches whichever instance holds them. An open costs one script, a close
// one ZREM; an ordinary page request costs nothing.

/** A stream ends by itself after this long (the tab reconnects), so every member younger than this is live. */
export const STREAM_MAX_AGE_MS = 60 * 60_000;

type LiveStreamEntry = { userId: string; sessionId: string; streamId: string };

/**
 * KEYS[1] the user's streams. ARGV: member, its session's prefix ("<session id> "), now, maxAgeMs, perSession,
 * perUser, channel, userId. Drops members older than maxAgeMs, then closes the oldest of the session's beyond
 * perSession - 1 and of the user's beyond perUser - 1, adds the new one, and publishes the closed stream ids.
 * Returns them.
 */
const OPEN_STREAM = defineScript(`
local key, member, prefix = KEYS[1], ARGV[1], ARGV[2]
local now, maxAge = tonumber(ARGV[3]), tonumber(ARGV[4])
local perSession, perUser = tonumber(ARGV[5]), tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - maxAge)
local others = redis.call('ZRANGE', key, 0, -1)
local closing, closed = {}, {}
local ofSession = {}
for _, m in ipairs(others) do
  if string.sub(m, 1, #prefix) == prefix then ofSession[#ofSession + 1] = m end
end
for i = 1, #ofSession - (perSession - 1) do closing[ofSession[i]] = true end
local kept = {}
for _, m in ipairs(others) do
  if not closing[m] then kept[#kept + 1] = m end
end
for i = 1, #kept - (perUser - 1) do closing[kept[i]] = true end
for _, m in ipairs(others) do
  if closing[m] then
    redis.call('ZREM', key, m)
    closed[#closed + 1] = string.match(m, ' (.+)$')
  end
end
redis.call('ZADD', key, now, member)
redis.call('PEXPIRE', key, maxAge)
if #closed > 0 then
  redis.call('PUBLISH', ARGV[7], cjson.encode({userId = ARGV[8], kind = 'streams-closed', streams = closed}))
end
return closed
`);

export interface LiveStreams {
  /** Counts a new stream in; returns the ids of the streams it closed (their instances are told). */
  open(entry: LiveStreamEntry): Promise<string[]>;
  /** Counts a stream out, when it ends for any other reason. */
  close(entry: LiveStreamEntry): Promise<void>;
}

type LiveStreamsOptions = {
  redis: RedisPort;
  prefix?: string;
  channel: string;
  perSession: number;
  perUser: number;
  now?: () => number;
};

export function newStreamId(): string {
  return randomBytes(12).toString('base64url');
}

export function createLiveStreams(options: LiveStreamsOptions): LiveStreams {
  const { redis, channel, perSession, perUser } = options;
  const prefix = keyPrefix(options.prefix);
  const now = options.now ?? Date.now;
  const key = (userId: string) => `${prefix}live-streams:${userTag(userId)}`;
  const member = (entry: LiveStreamEntry) => `${entry.sessionId} ${entry.streamId}`;

  return {
    async open(entry) {
      const reply = await redis.evalScript(
        OPEN_STREAM,
        [key(entry.userId)],
        [
          member(entry),
          `${entry.sessionId} `,
          now(),
          STREAM_MAX_AGE_MS,
          perSession,
          perUser,
          channel,
          entry.userId,
        ],
      );
      return Array.isArray(reply) ? reply.filter((id): id is string => typeof id === 'string') : [];
    },
    async close(entry) {
      await redis.zrem(key(entry.userId), member(entry));
    },
  };
}

const globalForStreams = globalThis as unknown as { storefrontLiveStreams?: LiveStreams };

export function getLiveStreams(): LiveStreams {
  globalForStreams.storefrontLiveStreams ??= createLiveStreams({
    redis: getRedis(),
    channel: getSessionStore().userEventsChannel,
    perSession: env.LIVE_STREAMS_PER_SESSION,
    perUser: env.LIVE_STREAMS_PER_USER,
  });
  return globalForStreams.storefrontLiveStreams;
}

import { defineScript } from '@/lib/redis';

// The session store's Lua scripts. Each runs as one EVALSHA: one round trip, and atomic, so a read can't
// interleave with a revoke or a touch. Several of them build keys from ARGV (the user record named inside a
// session, a user's sessions from the index), which Redis Cluster forbids: this targets a single Redis node
// (or Upstash, which runs each database's scripts on one node).
//
// Times are epoch ms passed in ARGV, never Redis's clock, so tests can inject a clock and app servers agree
// with what they wrote. Session hash fields: id, userId, createdAt, lastSeenAt, expiresAt, ip?, userAgent?,
// persistent? ('0' for a sign-in without "Keep me signed in"; missing, from before that choice existed, is '1').

const FIELDS = `'id', 'userId', 'createdAt', 'lastSeenAt', 'expiresAt', 'ip', 'userAgent', 'persistent'`;

// The idle timeouts come from ARGV, not the hash, so a changed setting applies to sessions that already exist.
// Expired by the stored times: Redis's TTL normally gets there first, an injected clock may not.
const EXPIRED = `
local function idle_of(f, idle, browserIdle)
  if f[8] == '0' then return browserIdle end
  return idle
end
local function expired(f, now, idle)
  return now >= math.min(tonumber(f[4]) + idle, tonumber(f[5]))
end`;

/**
 * KEYS[1] session. ARGV: now, idleMs, touchMs, prefix, tokenHash, browserIdleMs, countCart ('1' or absent).
 * Returns nil, or {id, userId, createdAt, lastSeenAt, expiresAt, ip, userAgent, persistent, userJson, cartUnits?};
 * the user record is read in the same script so role, tier and ban state are as current as the session itself,
 * and with countCart the units in the user's cart, so GET /api/session stays one round trip.
 */
export const READ_SESSION = defineScript(`${EXPIRED}
local f = redis.call('HMGET', KEYS[1], ${FIELDS})
if not f[1] or not f[2] then return nil end
local now, touch = tonumber(ARGV[1]), tonumber(ARGV[3])
local idle = idle_of(f, tonumber(ARGV[2]), tonumber(ARGV[6]))
if expired(f, now, idle) then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', ARGV[4] .. 'user-sessions:' .. f[2], ARGV[5])
  return nil
end
-- Sliding renewal writes at most once per touch interval; other reads stay read-only.
if now - tonumber(f[4]) >= touch then
  redis.call('HSET', KEYS[1], 'lastSeenAt', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], math.min(idle, tonumber(f[5]) - now))
  f[4] = ARGV[1]
end
f[9] = redis.call('GET', ARGV[4] .. 'user:' .. f[2])
if ARGV[7] == '1' then
  local units = 0
  for _, quantity in ipairs(redis.call('HVALS', ARGV[4] .. 'cart:user:' .. f[2])) do
    units = units + tonumber(quantity)
  end
  f[10] = units
end
return f
`);

// Writes the user record unless the stored copy is at least as new (its `version`, the row's accessVersion):
// a login or cache-miss reload that read the database before an admin change must not write the old state back.
// An unreadable stored record counts as older.
const WRITE_USER_IF_NEWER = `
local function write_user_if_newer(key, json, version, ttl)
  local stored = redis.call('GET', key)
  if stored then
    local ok, decoded = pcall(cjson.decode, stored)
    local storedVersion = ok and type(decoded) == 'table' and tonumber(decoded.version)
    if storedVersion and storedVersion >= tonumber(version) then
      redis.call('PEXPIRE', key, ttl)
      return 0
    end
  end
  redis.call('SET', key, json, 'PX', ttl)
  return 1
end`;

/**
 * KEYS[1] session, KEYS[2] user record, KEYS[3] user index, KEYS[4] session owner (public id -> userId).
 * ARGV: id, userId, now, expiresAt, sessionTtlMs, absoluteMs, userJson, tokenHash, userVersion, then field/value
 * pairs (persistent, ip, userAgent). Returns 0 when the session key already exists (a token is never reused), else 1.
 */
export const CREATE_SESSION = defineScript(`${WRITE_USER_IF_NEWER}
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'userId', ARGV[2], 'createdAt', ARGV[3], 'lastSeenAt', ARGV[3],
  'expiresAt', ARGV[4], unpack(ARGV, 10))
redis.call('PEXPIRE', KEYS[1], ARGV[5])
-- The user record and the index get absoluteSeconds on every creation: no session outlives that from its
-- creation, so both always outlast the sessions they serve and touches need not refresh them.
write_user_if_newer(KEYS[2], ARGV[7], ARGV[9], ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[8])
redis.call('PEXPIRE', KEYS[3], ARGV[6])
-- So an admin can revoke a session by its public id alone; it may outlive the session, never the other way.
redis.call('SET', KEYS[4], ARGV[2], 'PX', ARGV[6])
return 1
`);

/** KEYS[1] user record. ARGV: userJson, version, ttlMs. Returns 1 when written, 0 when a newer copy was kept. */
export const CACHE_USER = defineScript(`${WRITE_USER_IF_NEWER}
return write_user_if_newer(KEYS[1], ARGV[1], ARGV[2], ARGV[3])
`);

/**
 * An admin change (lib/users), in one atomic step. KEYS[1] user record, KEYS[2] user index.
 * ARGV: prefix, userId, userJson ('' deletes the record), ttlMs, revoke ('1' deletes every session),
 * banNoticeMs ('0' for none), channel, event.
 * The record is written whatever is stored: the change bumped the version in a transaction that holds the row,
 * so nothing newer can exist. Revoked sessions may leave a ban notice under their token hash (see the README).
 * Returns how many sessions it deleted.
 */
export const APPLY_USER_CHANGE = defineScript(`
if ARGV[3] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
end
local revoked = 0
if ARGV[5] == '1' then
  local noticeMs = tonumber(ARGV[6])
  for _, hash in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
    local key = ARGV[1] .. 'session:' .. hash
    local left = redis.call('PTTL', key)
    if left > 0 then
      if noticeMs > 0 then
        redis.call('SET', ARGV[1] .. 'ban-notice:' .. hash, ARGV[2], 'PX', math.min(left, noticeMs))
      end
      revoked = revoked + redis.call('DEL', key)
    end
  end
  redis.call('DEL', KEYS[2])
end
redis.call('PUBLISH', ARGV[7], ARGV[8])
return revoked
`);

/**
 * KEYS[1] session. ARGV: prefix, tokenHash, banNoticeMs (optional: leave a ban notice under the token hash for at
 * most that long, never longer than the session had left). Returns 1 when a session was deleted.
 */
export const REVOKE_SESSION = defineScript(`
local userId = redis.call('HGET', KEYS[1], 'userId')
if not userId then return 0 end
local noticeMs = tonumber(ARGV[3] or '0')
if noticeMs > 0 then
  local left = redis.call('PTTL', KEYS[1])
  if left > 0 then
    redis.call('SET', ARGV[1] .. 'ban-notice:' .. ARGV[2], userId, 'PX', math.min(left, noticeMs))
  end
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', ARGV[1] .. 'user-sessions:' .. userId, ARGV[2])
return 1
`);

/**
 * KEYS[1] user index. ARGV: prefix, userId, keepId or '' for none, onlyId or '' for all.
 * Deletes the user's sessions (all but keepId, or just onlyId) and prunes members whose session is gone.
 * Returns how many sessions it deleted.
 */
export const REVOKE_USER_SESSIONS = defineScript(`
local deleted = 0
for _, hash in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local key = ARGV[1] .. 'session:' .. hash
  local f = redis.call('HMGET', key, 'id', 'userId')
  if not f[1] then
    redis.call('ZREM', KEYS[1], hash)
  elseif f[2] == ARGV[2] and f[1] ~= ARGV[3] and (ARGV[4] == '' or f[1] == ARGV[4]) then
    deleted = deleted + redis.call('DEL', key)
    redis.call('ZREM', KEYS[1], hash)
  end
end
return deleted
`);

/**
 * KEYS[1] user index. ARGV: prefix, now, idleMs, browserIdleMs.
 * Returns the live sessions as arrays of the session fields; deletes expired ones and prunes the index.
 */
export const LIST_USER_SESSIONS = defineScript(`${EXPIRED}
local now, idle, browserIdle = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local live = {}
for _, hash in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local key = ARGV[1] .. 'session:' .. hash
  local f = redis.call('HMGET', key, ${FIELDS})
  if not f[1] then
    redis.call('ZREM', KEYS[1], hash)
  elseif expired(f, now, idle_of(f, idle, browserIdle)) then
    redis.call('DEL', key)
    redis.call('ZREM', KEYS[1], hash)
  else
    live[#live + 1] = f
  end
end
return live
`);

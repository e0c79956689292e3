import { defineScript } from '@/lib/redis';

// The session store's Lua scripts. Each runs as one EVALSHA: one round trip, and atomic, so a read can't
// interleave with a revoke or a touch. Every key a script touches is declared in KEYS, and all of them carry the
// user's hash tag (lib/session/keys.ts), so each script runs on one Redis Cluster node as on a single Redis.
// The scripts over all of a user's sessions can't know them before reading the index: the caller reads it, declares
// what it found, and the script answers -1 without writing anything when the index holds a session it was not given
// (one created in between), so the caller reads again (store.ts, declaredSessions).
//
// Times are epoch ms passed in ARGV, never Redis's clock, so tests can inject a clock and app servers agree
// with what they wrote. Session hash fields: id (the random part of the public id), createdAt, lastSeenAt,
// expiresAt, ip?, device? (what the device list shows, e.g. "Firefox 133 on Windows"), persistent ('0' for a sign-in
// without "Keep me signed in", else '1'). Every value stays under 64 bytes, so Redis keeps the hash in its compact
// listpack form (docs/benchmarks.md, memory).

const FIELDS = `'id', 'createdAt', 'lastSeenAt', 'expiresAt', 'ip', 'device', 'persistent'`;

// The idle timeouts come from ARGV, not the hash, so a changed setting applies to sessions that already exist.
// Expired by the stored times: Redis's TTL normally gets there first, an injected clock may not.
const EXPIRED = `
local function idle_of(f, idle, browserIdle)
  if f[7] == '0' then return browserIdle end
  return idle
end
local function expired(f, now, idle)
  return now >= math.min(tonumber(f[3]) + idle, tonumber(f[4]))
end`;

// True when every member of the index (a key) is among the declared session hashes, ARGV[firstArg] onwards.
const DECLARED = `
local function all_declared(index, firstArg)
  local declared = {}
  for i = firstArg, #ARGV do declared[ARGV[i]] = true end
  for _, hash in ipairs(redis.call('ZRANGE', index, 0, -1)) do
    if not declared[hash] then return false end
  end
  return true
end`;

/**
 * KEYS[1] session, KEYS[2] user record, KEYS[3] user index, KEYS[4] user cart (only to count it).
 * ARGV: now, idleMs, touchMs, tokenHash, browserIdleMs.
 * Returns nil, or {id, createdAt, lastSeenAt, expiresAt, ip, device, persistent, userJson, cartUnits?}; the user
 * record is read in the same script so role, tier and ban state are as current as the session itself, and with
 * KEYS[4] the units in the user's cart, so GET /api/session stays one round trip.
 */
export const READ_SESSION = defineScript(`${EXPIRED}
local f = redis.call('HMGET', KEYS[1], ${FIELDS})
if not f[1] or not f[2] then return nil end
local now, touch = tonumber(ARGV[1]), tonumber(ARGV[3])
local idle = idle_of(f, tonumber(ARGV[2]), tonumber(ARGV[5]))
if expired(f, now, idle) then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[3], ARGV[4])
  return nil
end
-- Sliding renewal writes at most once per touch interval; other reads stay read-only.
if now - tonumber(f[3]) >= touch then
  redis.call('HSET', KEYS[1], 'lastSeenAt', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], math.min(idle, tonumber(f[4]) - now))
  f[3] = ARGV[1]
end
f[8] = redis.call('GET', KEYS[2])
if KEYS[4] then
  local units = 0
  for _, quantity in ipairs(redis.call('HVALS', KEYS[4])) do
    units = units + tonumber(quantity)
  end
  f[9] = units
end
return f
`);

// Writes the user record unless the stored copy is at least as new (its \`version\`, the row's accessVersion):
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
 * KEYS[1] session, KEYS[2] user record, KEYS[3] user index.
 * ARGV: id, now, expiresAt, sessionTtlMs, absoluteMs, userJson, tokenHash, userVersion, then field/value
 * pairs (persistent, ip, device). Returns 0 when the session key already exists (a token is never reused), else 1.
 */
export const CREATE_SESSION = defineScript(`${WRITE_USER_IF_NEWER}
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'createdAt', ARGV[2], 'lastSeenAt', ARGV[2], 'expiresAt', ARGV[3],
  unpack(ARGV, 9))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
-- The user record and the index get absoluteSeconds on every creation: no session outlives that from its
-- creation, so both always outlast the sessions they serve and touches need not refresh them.
write_user_if_newer(KEYS[2], ARGV[6], ARGV[8], ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[7])
redis.call('PEXPIRE', KEYS[3], ARGV[5])
return 1
`);

/** KEYS[1] user record. ARGV: userJson, version, ttlMs. Returns 1 when written, 0 when a newer copy was kept. */
export const CACHE_USER = defineScript(`${WRITE_USER_IF_NEWER}
return write_user_if_newer(KEYS[1], ARGV[1], ARGV[2], ARGV[3])
`);

/**
 * An admin change (lib/users), in one atomic step. KEYS[1] user record, KEYS[2] user index, then for each
 * declared session its key and its ban-notice key. ARGV: userId, userJson ('' deletes the record), ttlMs,
 * revoke ('1' deletes every session), banNoticeMs ('0' for none), channel, event, then the declared hashes.
 * The record is written whatever is stored: the change bumped the version in a transaction that holds the row,
 * so nothing newer can exist. Revoked sessions may leave a ban notice under their token hash (see the README).
 * Returns how many sessions it deleted, or -1 (nothing written) when revoking met an undeclared session.
 */
export const APPLY_USER_CHANGE = defineScript(`${DECLARED}
if ARGV[4] == '1' and not all_declared(KEYS[2], 8) then return -1 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
end
local revoked = 0
if ARGV[4] == '1' then
  local noticeMs = tonumber(ARGV[5])
  for i = 3, #KEYS, 2 do
    local left = redis.call('PTTL', KEYS[i])
    if left > 0 then
      if noticeMs > 0 then
        redis.call('SET', KEYS[i + 1], ARGV[1], 'PX', math.min(left, noticeMs))
      end
      revoked = revoked + redis.call('DEL', KEYS[i])
    end
  end
  redis.call('DEL', KEYS[2])
end
redis.call('PUBLISH', ARGV[6], ARGV[7])
return revoked
`);

/**
 * KEYS[1] session, KEYS[2] user index, KEYS[3] ban-notice key. ARGV: tokenHash, userId, banNoticeMs (optional:
 * leave a ban notice for at most that long, never longer than the session had left). Returns 1 when deleted.
 */
export const REVOKE_SESSION = defineScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local noticeMs = tonumber(ARGV[3] or '0')
if noticeMs > 0 then
  local left = redis.call('PTTL', KEYS[1])
  if left > 0 then
    redis.call('SET', KEYS[3], ARGV[2], 'PX', math.min(left, noticeMs))
  end
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
`);

/**
 * KEYS[1] user index, then the declared sessions. ARGV: keepId or '' for none, onlyId or '' for all, then the
 * declared hashes. Deletes the user's sessions (all but keepId, or just onlyId) and prunes members whose session is
 * gone. Returns how many sessions it deleted, or -1 (nothing written) when the index holds an undeclared session.
 */
export const REVOKE_USER_SESSIONS = defineScript(`${DECLARED}
if not all_declared(KEYS[1], 3) then return -1 end
local deleted = 0
for i = 2, #KEYS do
  local hash = ARGV[i + 1]
  local id = redis.call('HGET', KEYS[i], 'id')
  if not id then
    redis.call('ZREM', KEYS[1], hash)
  elseif id ~= ARGV[1] and (ARGV[2] == '' or id == ARGV[2]) then
    deleted = deleted + redis.call('DEL', KEYS[i])
    redis.call('ZREM', KEYS[1], hash)
  end
end
return deleted
`);

/**
 * KEYS[1] user index, then the declared sessions. ARGV: now, idleMs, browserIdleMs, then the declared hashes.
 * Returns {1, sessions...} with each live session's fields, after deleting expired ones and pruning the index; or
 * {-1} (nothing written) when the index holds an undeclared session.
 */
export const LIST_USER_SESSIONS = defineScript(`${EXPIRED}${DECLARED}
if not all_declared(KEYS[1], 4) then return {-1} end
local now, idle, browserIdle = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local live = {1}
for i = 2, #KEYS do
  local hash = ARGV[i + 2]
  local f = redis.call('HMGET', KEYS[i], ${FIELDS})
  if not f[1] then
    redis.call('ZREM', KEYS[1], hash)
  elseif expired(f, now, idle_of(f, idle, browserIdle)) then
    redis.call('DEL', KEYS[i])
    redis.call('ZREM', KEYS[1], hash)
  else
    live[#live + 1] = f
  end
end
return live
`);

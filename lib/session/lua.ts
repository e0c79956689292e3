import { defineScript } from '@/lib/redis';

// The session store's writes that must be atomic, and the one read that counts a cart, each one EVALSHA. Every key
// is declared in KEYS and carries the user's hash tag; a script over all of a user's sessions answers -1 when the
// index holds one it was not given, so the caller reads again. Times come in ARGV, never from Redis's clock.
// Why and how: docs/sessions.md#the-check-one-round-trip.

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
 * KEYS[1] session, KEYS[2] user record, KEYS[3] user cart. Returns {session, userJson, cartUnits}: the check's MGET
 * and the units in the user's cart in one step, so GET /api/session (the header's cart count) stays one round trip.
 * A session key that is not a string (a hash of an older layout) reads as missing, as MGET reads it.
 */
export const READ_SESSION_AND_CART = defineScript(`
local units = 0
for _, quantity in ipairs(redis.call('HVALS', KEYS[3])) do
  units = units + tonumber(quantity)
end
local session = redis.pcall('GET', KEYS[1])
if type(session) == 'table' and session.err then session = false end
return {session or false, redis.call('GET', KEYS[2]) or false, units}
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
 * ARGV: session, now, expiresAt, sessionTtlMs, absoluteMs, userJson, tokenHash, userVersion.
 * Returns 0 when the session key already exists (a token is never reused), else 1.
 */
export const CREATE_SESSION = defineScript(`${WRITE_USER_IF_NEWER}
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
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
 * so nothing newer can exist. Revoked sessions may leave a ban notice under their token hash
 * (docs/sessions.md#who-changes-a-user).
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
  local session = redis.call('GET', KEYS[i])
  local id = session and cjson.decode(session)[1]
  if not id then
    redis.call('ZREM', KEYS[1], hash)
  elseif id ~= ARGV[1] and (ARGV[2] == '' or id == ARGV[2]) then
    deleted = deleted + redis.call('DEL', KEYS[i])
    redis.call('ZREM', KEYS[1], hash)
  end
end
return deleted
`);

import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getRedis, keyPrefix, type RedisPort, type RedisReply } from '@/lib/redis';
import { hashToken, parseSessionId, parseToken, sessionKeys, sessionPublicId, USER_ID_FORMAT } from './keys';
import type { UserAccess } from '@/lib/access';
import { decodeSession, encodeSession, type StoredSession } from './record';
import { describeUserAgent } from './user-agent';
import {
  APPLY_USER_CHANGE,
  CACHE_USER,
  CREATE_SESSION,
  READ_SESSION_AND_CART,
  REVOKE_SESSION,
  REVOKE_USER_SESSIONS,
} from './lua';

// Sessions are opaque random tokens; Redis keeps them under SHA-256(token), so a copy of Redis lets no one
// in. Every check reads the session and the per-user record (role, tier, ban state) in one MGET, so
// logout, bans and tier changes take effect on the very next request. Layout: lib/session/keys.ts. A token names
// its user, so every key a script touches is known before it runs and shares the user's Redis Cluster slot.

export type SessionRecord = {
  /** Public handle for lists and "sign out that device": the user id and random characters, never the token. */
  id: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
  /** Absolute expiry. */
  expiresAt: number;
  idleExpiresAt: number;
  /** "Keep me signed in": the long idle timeout and a cookie that outlives the browser; else the browser's. */
  persistent: boolean;
  ip: string | null;
  /** What the device list calls it ("Firefox 133 on Windows"), from the sign-in's User-Agent; the header itself is not kept. */
  device: string | null;
  /** When the session last proved its password, for step-up; null if never (a lab session). */
  provedAt: number | null;
  /** The admin acting as this user, when an impersonation opened the session. */
  impersonatorId: string | null;
};

/** Where and how a session is opened. `proved`: the password was just checked (sign-in, its change). */
export type SessionMeta = {
  ip: string | null;
  userAgent: string | null;
  persistent?: boolean;
  proved?: boolean;
  impersonatorId?: string | null;
};

/**
 * A banned user's lookup still returns the session, with the ban state in `user`: the gate decides, answers
 * and revokes. `user` is null when the per-user record is missing from Redis: the caller reloads the user
 * from the database and calls cacheUser.
 */
type SessionLookup = {
  session: SessionRecord;
  user: UserAccess | null;
  /** Units in the user's cart, when the read asked for them (`countCart`). */
  cartUnits?: number;
};
type SessionStoreOptions = {
  redis: RedisPort;
  prefix?: string;
  idleSeconds: number;
  /** Idle timeout of a session that is not persistent. */
  browserIdleSeconds: number;
  absoluteSeconds: number;
  touchSeconds: number;
  now?: () => number;
};

export interface SessionStore {
  /** Also caches the user record and indexes the session under the user. Persistent unless told otherwise. */
  createSession(user: UserAccess, meta: SessionMeta): Promise<{ token: string; session: SessionRecord }>;
  /**
   * One Redis round trip; null when missing or expired (idle or absolute). At most once per touchSeconds a second
   * one renews the session (lastSeenAt and its TTL). With `countCart`, the first round trip also counts the units in
   * the user's cart.
   */
  readSession(token: string, options?: { countCart?: boolean }): Promise<SessionLookup | null>;
  /**
   * With `banNoticeMs`, leaves a ban notice under the token (at most that long, never longer than the session had
   * left), so that browser's next request can be told why it was signed out.
   */
  revokeSession(token: string, options?: { banNoticeMs?: number }): Promise<void>;
  /** Only among that user's sessions; true when one was revoked. */
  revokeSessionById(userId: string, sessionId: string): Promise<boolean>;
  /** Returns how many sessions were revoked. */
  revokeAllSessions(userId: string, options?: { exceptSessionId?: string }): Promise<number>;
  /** Prunes expired index members; newest lastSeenAt first. */
  listUserSessions(userId: string): Promise<SessionRecord[]>;
  /**
   * Writes a copy read from the database (cache-miss reload) unless the stored record is at least as new (by
   * `version`): a change written while we read must not be overwritten. True when written.
   */
  cacheUser(user: UserAccess): Promise<boolean>;
  /** The per-user record as Redis has it (null when missing or unreadable). */
  readUser(userId: string): Promise<UserAccess | null>;
  dropUser(userId: string): Promise<void>;
  /**
   * An admin change (lib/users only), atomically: writes the record whatever is stored (`user` null deletes it),
   * optionally revokes every session of the user (leaving ban notices for `banNoticeMs`), and publishes `event`
   * on the user-events channel. Returns how many sessions were revoked.
   */
  applyUserChange(change: {
    userId: string;
    user: UserAccess | null;
    revokeSessions: boolean;
    banNoticeMs?: number;
    event: string;
  }): Promise<number>;
  /** The user id a ban notice under this token names, or null. */
  readBanNotice(token: string): Promise<string | null>;
  dropBanNotice(token: string): Promise<void>;
  /** Publishes a user event (JSON) on the channel applyUserChange uses. */
  publishUserEvent(event: string): Promise<void>;
  /** The pub/sub channel of user events under this store's prefix. */
  readonly userEventsChannel: string;
  /** Live sessions across all users: every session key carries its idle/absolute TTL, so each one counted is live. */
  countSessions(): Promise<number>;
}

const TOKEN_BYTES = 32;
const SESSION_ID_BYTES = 16;
// Keeps a session's string short (record.ts) whatever the User-Agent header said.
const DEVICE_MAX = 60;
// Revoking and banning read a user's index and then declare what they found; only a session created in between
// makes a script ask again, so a few attempts always suffice outside a flood of sign-ins for one user.
const DECLARE_ATTEMPTS = 5;

const userSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string(),
  role: z.enum(['shopper', 'admin']),
  tier: z.enum(['standard', 'premium']),
  bannedAt: z.number().nullable(),
  bannedUntil: z.number().nullable(),
  version: z.number().int().nonnegative(),
});

const userIdSchema = z.string().regex(USER_ID_FORMAT, 'Not a user id.');

const ROLES: ReadonlySet<unknown> = new Set(['shopper', 'admin']);
const TIERS: ReadonlySet<unknown> = new Set(['standard', 'premium']);
const isTimeOrNull = (value: unknown) => value === null || typeof value === 'number';

/**
 * The user record a stored JSON string holds, checked field by field (userSchema's rules, without zod's cost on
 * every request: this runs on each session check, cold or warm, so no cache of parsed records is needed).
 */
function parseUserJson(json: string): UserAccess | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { id, email, name, role, tier, bannedAt, bannedUntil, version } = parsed as Record<string, unknown>;
  // An unreadable record counts as missing: the caller reloads from the database and overwrites it.
  if (typeof id !== 'string' || id.length === 0 || typeof email !== 'string' || typeof name !== 'string')
    return null;
  if (!ROLES.has(role) || !TIERS.has(tier) || !isTimeOrNull(bannedAt) || !isTimeOrNull(bannedUntil))
    return null;
  if (!Number.isSafeInteger(version) || (version as number) < 0) return null;
  return {
    id,
    email,
    name,
    role: role as UserAccess['role'],
    tier: tier as UserAccess['tier'],
    bannedAt: bannedAt as number | null,
    bannedUntil: bannedUntil as number | null,
    version: version as number,
  };
}

function parseUser(json: RedisReply | undefined): UserAccess | null {
  return typeof json === 'string' ? parseUserJson(json) : null;
}

function userJson(user: UserAccess): string {
  userIdSchema.parse(user.id);
  return JSON.stringify(userSchema.parse(user));
}

export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const { redis } = options;
  const prefix = keyPrefix(options.prefix);
  const keys = sessionKeys(prefix);
  const now = options.now ?? Date.now;
  const idleMs = options.idleSeconds * 1000;
  const browserIdleMs = options.browserIdleSeconds * 1000;
  const absoluteMs = options.absoluteSeconds * 1000;
  const touchMs = options.touchSeconds * 1000;
  if (!(touchMs > 0 && touchMs < Math.min(idleMs, browserIdleMs) && absoluteMs > 0)) {
    throw new Error(
      'Session timeouts must satisfy 0 < touchSeconds < idleSeconds and browserIdleSeconds, and absoluteSeconds > 0.',
    );
  }
  const idleFor = (persistent: boolean) => (persistent ? idleMs : browserIdleMs);

  function toRecord(userId: string, stored: StoredSession): SessionRecord {
    return {
      id: sessionPublicId(userId, stored.localId),
      userId,
      createdAt: stored.createdAt,
      lastSeenAt: stored.lastSeenAt,
      expiresAt: stored.expiresAt,
      idleExpiresAt: Math.min(stored.lastSeenAt + idleFor(stored.persistent), stored.expiresAt),
      persistent: stored.persistent,
      ip: stored.ip,
      device: stored.device,
      provedAt: stored.provedAt,
      impersonatorId: stored.impersonatorId,
    };
  }

  // The idle timeout comes from the settings, not the stored session, so a changed setting applies to sessions that
  // already exist. Redis's TTL normally removes an expired session first; an injected clock may get there before it.
  const isExpired = (stored: StoredSession, at: number) =>
    at >= Math.min(stored.lastSeenAt + idleFor(stored.persistent), stored.expiresAt);

  /** Deletes sessions found expired or gone and takes them out of the user's index, in one round trip. */
  async function dropSessions(userId: string, hashes: string[], expired: string[]): Promise<void> {
    if (hashes.length === 0) return;
    await redis.multi([
      ...(expired.length ? [['DEL', ...expired.map((hash) => keys.session(userId, hash))] as const] : []),
      ['ZREM', keys.userSessions(userId), ...hashes],
    ]);
  }

  /**
   * Runs a script over every session of the user: reads the index, declares what it found (each session's key,
   * and `extraKey`'s beside it), and reads again while the script answers -1 because a session appeared meanwhile.
   */
  async function declaredSessions(
    userId: string,
    run: (keys: string[], hashes: string[]) => Promise<RedisReply>,
    extraKey?: (tokenHash: string) => string,
  ): Promise<RedisReply> {
    for (let attempt = 0; attempt < DECLARE_ATTEMPTS; attempt++) {
      const hashes = await redis.zrangebyscore(keys.userSessions(userId), '-inf', '+inf');
      const declared = hashes.flatMap((hash) => {
        const session = keys.session(userId, hash);
        return extraKey ? [session, extraKey(hash)] : [session];
      });
      const reply = await run(declared, hashes);
      const retry = Array.isArray(reply) ? reply[0] === -1 : reply === -1;
      if (!retry) return reply;
    }
    throw new Error(`The sessions of user ${userId} kept changing while they were being read.`);
  }

  async function readWithCart(sessionKey: string, userId: string): Promise<[RedisReply, RedisReply, number]> {
    const reply = await redis.evalScript(
      READ_SESSION_AND_CART,
      [sessionKey, keys.user(userId), keys.userCart(userId)],
      [],
    );
    if (!Array.isArray(reply) || typeof reply[2] !== 'number')
      throw new TypeError('Unexpected reply reading a session');
    return [reply[0] ?? null, reply[1] ?? null, reply[2]];
  }

  return {
    async createSession(user, meta) {
      const json = userJson(user);
      const token = `${user.id}.${randomBytes(TOKEN_BYTES).toString('base64url')}`;
      const tokenHash = hashToken(token);
      const localId = randomBytes(SESSION_ID_BYTES).toString('base64url');
      const createdAt = now();
      const expiresAt = createdAt + absoluteMs;
      const persistent = meta.persistent ?? true;
      const sessionIdleMs = Math.min(idleFor(persistent), absoluteMs);
      const session: SessionRecord = {
        id: sessionPublicId(user.id, localId),
        userId: user.id,
        createdAt,
        lastSeenAt: createdAt,
        expiresAt,
        idleExpiresAt: createdAt + sessionIdleMs,
        persistent,
        ip: meta.ip,
        device: meta.userAgent === null ? null : describeUserAgent(meta.userAgent).label.slice(0, DEVICE_MAX),
        provedAt: meta.proved ? createdAt : null,
        impersonatorId: meta.impersonatorId ?? null,
      };
      const created = await redis.evalScript(
        CREATE_SESSION,
        [keys.session(user.id, tokenHash), keys.user(user.id), keys.userSessions(user.id)],
        [
          encodeSession({ ...session, localId }),
          createdAt,
          expiresAt,
          sessionIdleMs,
          absoluteMs,
          json,
          tokenHash,
          user.version,
        ],
      );
      // 256 random bits do not collide; if they ever did, the script refused to overwrite and so do we.
      if (created !== 1) throw new Error('Session token collision; no session was created.');
      return { token, session };
    },

    async readSession(token, readOptions = {}) {
      const parts = parseToken(token);
      if (!parts) return null;
      const { userId, tokenHash } = parts;
      const sessionKey = keys.session(userId, tokenHash);
      let value: RedisReply | undefined;
      let json: RedisReply | undefined;
      let cartUnits: number | undefined;
      if (readOptions.countCart) [value, json, cartUnits] = await readWithCart(sessionKey, userId);
      else [value, json] = await redis.mget(sessionKey, keys.user(userId));
      if (typeof value !== 'string') return null;
      let stored = decodeSession(value);
      const at = now();
      if (isExpired(stored, at)) {
        await dropSessions(userId, [tokenHash], [tokenHash]);
        return null;
      }
      // Sliding renewal writes at most once per touch interval; other checks only read. XX: a session revoked since
      // the read is not brought back, and the check then answers signed out.
      if (at - stored.lastSeenAt >= touchMs) {
        stored = { ...stored, lastSeenAt: at };
        const ttl = Math.min(idleFor(stored.persistent), stored.expiresAt - at);
        if (!(await redis.set(sessionKey, encodeSession(stored), { pxMs: ttl, xx: true }))) return null;
      }
      const lookup: SessionLookup = { session: toRecord(userId, stored), user: parseUser(json) };
      if (cartUnits !== undefined) lookup.cartUnits = cartUnits;
      return lookup;
    },

    async revokeSession(token, revokeOptions = {}) {
      const parts = parseToken(token);
      if (!parts) return;
      const { userId, tokenHash } = parts;
      await redis.evalScript(
        REVOKE_SESSION,
        [keys.session(userId, tokenHash), keys.userSessions(userId), keys.banNotice(userId, tokenHash)],
        [tokenHash, userId, Math.max(0, Math.floor(revokeOptions.banNoticeMs ?? 0))],
      );
    },

    async revokeSessionById(userId, sessionId) {
      userIdSchema.parse(userId);
      const parsed = parseSessionId(sessionId);
      if (!parsed || parsed.userId !== userId) return false;
      const deleted = await declaredSessions(userId, (declared, hashes) =>
        redis.evalScript(
          REVOKE_USER_SESSIONS,
          [keys.userSessions(userId), ...declared],
          ['', parsed.localId, ...hashes],
        ),
      );
      return deleted === 1;
    },

    async revokeAllSessions(userId, revokeOptions = {}) {
      userIdSchema.parse(userId);
      const keep = revokeOptions.exceptSessionId ? parseSessionId(revokeOptions.exceptSessionId) : null;
      const deleted = await declaredSessions(userId, (declared, hashes) =>
        redis.evalScript(
          REVOKE_USER_SESSIONS,
          [keys.userSessions(userId), ...declared],
          [keep?.userId === userId ? keep.localId : '', '', ...hashes],
        ),
      );
      return typeof deleted === 'number' ? deleted : 0;
    },

    async listUserSessions(userId) {
      userIdSchema.parse(userId);
      // No script: a session signed in after the index was read is newer than the list, and a session whose key is
      // gone, or that has expired, never comes back, so dropping those from the index needs no atomicity.
      const hashes = await redis.zrangebyscore(keys.userSessions(userId), '-inf', '+inf');
      if (hashes.length === 0) return [];
      const values = await redis.mget(...hashes.map((hash) => keys.session(userId, hash)));
      const at = now();
      const live: SessionRecord[] = [];
      const gone: string[] = [];
      const expired: string[] = [];
      hashes.forEach((hash, i) => {
        const value = values[i];
        if (typeof value !== 'string') return void gone.push(hash);
        const stored = decodeSession(value);
        if (isExpired(stored, at)) expired.push(hash);
        else live.push(toRecord(userId, stored));
      });
      await dropSessions(userId, [...gone, ...expired], expired);
      return live.sort((a, b) => b.lastSeenAt - a.lastSeenAt);
    },

    async cacheUser(user) {
      // absoluteSeconds: at least as long as any session of this user can still live.
      const written = await redis.evalScript(
        CACHE_USER,
        [keys.user(user.id)],
        [userJson(user), user.version, absoluteMs],
      );
      return written === 1;
    },

    async readUser(userId) {
      userIdSchema.parse(userId);
      return parseUser(await redis.get(keys.user(userId)));
    },

    async dropUser(userId) {
      userIdSchema.parse(userId);
      await redis.unlink(keys.user(userId));
    },

    async applyUserChange(change) {
      userIdSchema.parse(change.userId);
      if (change.user && change.user.id !== change.userId)
        throw new Error('applyUserChange: user id mismatch');
      const { userId } = change;
      const args = [
        userId,
        change.user ? userJson(change.user) : '',
        absoluteMs,
        change.revokeSessions ? '1' : '0',
        Math.max(0, Math.floor(change.banNoticeMs ?? 0)),
        keys.userEvents(),
        change.event,
      ];
      const fixedKeys = [keys.user(userId), keys.userSessions(userId)];
      const revoked = change.revokeSessions
        ? await declaredSessions(
            userId,
            (declared, hashes) =>
              redis.evalScript(APPLY_USER_CHANGE, [...fixedKeys, ...declared], [...args, ...hashes]),
            (hash) => keys.banNotice(userId, hash),
          )
        : await redis.evalScript(APPLY_USER_CHANGE, fixedKeys, args);
      return typeof revoked === 'number' ? revoked : 0;
    },

    async readBanNotice(token) {
      const parts = parseToken(token);
      return parts ? redis.get(keys.banNotice(parts.userId, parts.tokenHash)) : null;
    },

    async dropBanNotice(token) {
      const parts = parseToken(token);
      if (parts) await redis.unlink(keys.banNotice(parts.userId, parts.tokenHash));
    },

    async publishUserEvent(event) {
      await redis.publish(keys.userEvents(), event);
    },

    userEventsChannel: keys.userEvents(),

    async countSessions() {
      const match = `${`${prefix}session:`.replace(/[*?[\]\\]/g, '\\$&')}*`;
      let count = 0;
      let cursor = '0';
      do {
        const page = await redis.scan(cursor, { match, count: 1000 });
        count += page.keys.length;
        cursor = page.cursor;
      } while (cursor !== '0');
      return count;
    },
  };
}

let store: SessionStore | undefined;

/** The store for this process's env; the Redis client underneath is the process singleton. */
export function getSessionStore(): SessionStore {
  store ??= createSessionStore({
    redis: getRedis(),
    idleSeconds: env.SESSION_IDLE_SECONDS,
    browserIdleSeconds: env.SESSION_BROWSER_IDLE_SECONDS,
    absoluteSeconds: env.SESSION_ABSOLUTE_SECONDS,
    touchSeconds: env.SESSION_TOUCH_SECONDS,
  });
  return store;
}

import 'server-only';
import { randomBytes } from 'node:crypto';
import { defineScript, keyPrefix, type RedisPort, type RedisReply } from '@/lib/redis';
import { cartKey, cartKeys, type CartOwner } from './keys';

// The cart lines in Redis: quantities only. Names, prices and stock are read from PostgreSQL whenever a cart is
// shown or checked out, so nothing the client or an old copy says about a price can be charged.

export const GUEST_CART_TTL_SECONDS = 7 * 24 * 3600;
export const USER_CART_TTL_SECONDS = 30 * 24 * 3600;

/** quantity per productId */
export type CartLines = Map<string, number>;

type AddResult = { added: true; quantity: number } | { added: false; quantity: number };

export type CartStore = {
  /** The lines; reading counts as activity and renews the cart's TTL. */
  read(owner: CartOwner): Promise<CartLines>;
  /** Adds `quantity` to the line unless the line would then exceed `limit` (checked and written atomically). */
  add(owner: CartOwner, productId: string, quantity: number, limit: number): Promise<AddResult>;
  /** Sets the line to `quantity`; 0 removes it. */
  set(owner: CartOwner, productId: string, quantity: number): Promise<void>;
  clear(owner: CartOwner): Promise<void>;
  /**
   * Moves a guest's lines into the user's cart: quantities added, each capped at `capsOf(lines)` (stock, looked up
   * for the lines being merged), lines with a cap of 0 dropped; the guest cart is deleted. The two carts live in
   * different Redis Cluster slots, so this runs in three steps, each atomic: freeze the guest cart under a merge id,
   * add its lines to the user's cart unless that merge id is marked as done there, delete the frozen copy. Any of
   * them may fail and the whole call be repeated (the next sign-in): no line is lost or counted twice.
   * Returns how many lines were merged now.
   */
  mergeGuest(
    guestId: string,
    userId: string,
    capsOf: (lines: CartLines) => Promise<ReadonlyMap<string, number>>,
  ): Promise<number>;
};

/**
 * KEYS[1] cart. ARGV: productId, quantity, limit, ttlMs.
 * Returns {1, newQuantity}, or {0, currentQuantity} when the line would exceed the limit (nothing written).
 */
const ADD_LINE = defineScript(`
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if current + tonumber(ARGV[2]) > tonumber(ARGV[3]) then return {0, current} end
local total = redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {1, total}
`);

// The field of a frozen guest cart that holds its merge id (product ids are cuids: no clash).
const MERGE_ID_FIELD = '#merge';

/**
 * Step one of a merge, in the guest's slot. KEYS[1] guest cart, KEYS[2] its frozen copy. ARGV: mergeId, ttlMs.
 * Freezes the guest cart under a new merge id unless a frozen copy from an unfinished merge exists; returns the
 * frozen copy (its lines and MERGE_ID_FIELD), or an empty list when there is nothing to merge. Lines a stale cookie
 * adds meanwhile go to a new guest cart, merged at a later sign-in.
 */
const FREEZE_GUEST = defineScript(`
if redis.call('EXISTS', KEYS[2]) == 0 then
  if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
  redis.call('RENAME', KEYS[1], KEYS[2])
  redis.call('HSET', KEYS[2], '${MERGE_ID_FIELD}', ARGV[1])
end
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return redis.call('HGETALL', KEYS[2])
`);

/**
 * Step two, in the user's slot. KEYS[1] user cart, KEYS[2] the merge's marker. ARGV: userTtlMs, markerTtlMs, then
 * productId/quantity/cap triples. Returns how many lines it added, or -1 when the marker says it already ran.
 */
const APPLY_MERGE = defineScript(`
if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
local merged = 0
for i = 3, #ARGV, 3 do
  local cap = tonumber(ARGV[i + 2])
  if cap > 0 then
    local total = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0') + tonumber(ARGV[i + 1])
    if total > cap then total = cap end
    redis.call('HSET', KEYS[1], ARGV[i], total)
    merged = merged + 1
  end
end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
if merged > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return merged
`);

function toRecord(reply: RedisReply): Record<string, string> {
  const flat = Array.isArray(reply) ? reply : [];
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) record[String(flat[i])] = String(flat[i + 1]);
  return record;
}

function toLines(record: Record<string, string>): CartLines {
  const lines: CartLines = new Map();
  for (const [productId, value] of Object.entries(record)) {
    const quantity = Number(value);
    if (Number.isSafeInteger(quantity) && quantity > 0) lines.set(productId, quantity);
  }
  return lines;
}

export function createCartStore(options: {
  redis: RedisPort;
  prefix?: string;
  guestTtlSeconds?: number;
  userTtlSeconds?: number;
}): CartStore {
  const { redis } = options;
  const prefix = keyPrefix(options.prefix);
  const keys = cartKeys(prefix);
  const ttlMs = (owner: CartOwner) =>
    (owner.kind === 'user'
      ? (options.userTtlSeconds ?? USER_CART_TTL_SECONDS)
      : (options.guestTtlSeconds ?? GUEST_CART_TTL_SECONDS)) * 1000;

  return {
    async read(owner) {
      const key = cartKey(prefix, owner);
      const [fields] = await redis.pipeline([
        ['HGETALL', key],
        ['PEXPIRE', key, ttlMs(owner)],
      ]);
      return toLines(toRecord(fields ?? null));
    },
    async add(owner, productId, quantity, limit) {
      const reply = await redis.evalScript(
        ADD_LINE,
        [cartKey(prefix, owner)],
        [productId, quantity, limit, ttlMs(owner)],
      );
      if (!Array.isArray(reply)) throw new TypeError('Unexpected reply from the cart script');
      return { added: reply[0] === 1, quantity: Number(reply[1]) } as AddResult;
    },
    async set(owner, productId, quantity) {
      const key = cartKey(prefix, owner);
      if (quantity <= 0) {
        await redis.multi([
          ['HDEL', key, productId],
          ['PEXPIRE', key, ttlMs(owner)],
        ]);
        return;
      }
      await redis.multi([
        ['HSET', key, productId, quantity],
        ['PEXPIRE', key, ttlMs(owner)],
      ]);
    },
    async clear(owner) {
      await redis.del(cartKey(prefix, owner));
    },
    async mergeGuest(guestId, userId, capsOf) {
      const guestTtlMs = ttlMs({ kind: 'guest', guestId });
      const frozen = await redis.evalScript(
        FREEZE_GUEST,
        [keys.guest(guestId), keys.merging(guestId)],
        [randomBytes(12).toString('base64url'), guestTtlMs],
      );
      const record = toRecord(frozen);
      const mergeId = record[MERGE_ID_FIELD];
      if (!mergeId) return 0;
      const lines = toLines(record);
      const caps = await capsOf(lines);
      const triples = [...lines].flatMap(([productId, quantity]) => [
        productId,
        quantity,
        Math.max(0, caps.get(productId) ?? 0),
      ]);
      const applied = Number(
        await redis.evalScript(
          APPLY_MERGE,
          [keys.user(userId), keys.merged(userId, mergeId)],
          [ttlMs({ kind: 'user', userId }), guestTtlMs, ...triples],
        ),
      );
      await redis.del(keys.merging(guestId));
      return Math.max(0, applied);
    },
  };
}

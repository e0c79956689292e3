import 'server-only';
import { defineScript, keyPrefix, type RedisPort } from '@/lib/redis';
import { cartKey, cartKeys, type CartOwner } from './keys';

// The cart lines in Redis: quantities only. Names, prices and stock are read from PostgreSQL whenever a cart is
// shown or checked out, so nothing the client or an old copy says about a price can be charged.

export const GUEST_CART_TTL_SECONDS = 7 * 24 * 3600;
export const USER_CART_TTL_SECONDS = 30 * 24 * 3600;

/** quantity per productId */
export type CartLines = Map<string, number>;

export type AddResult = { added: true; quantity: number } | { added: false; quantity: number };

export type CartStore = {
  /** The lines; reading counts as activity and renews the cart's TTL. */
  read(owner: CartOwner): Promise<CartLines>;
  /** Adds `quantity` to the line unless the line would then exceed `limit` (checked and written atomically). */
  add(owner: CartOwner, productId: string, quantity: number, limit: number): Promise<AddResult>;
  /** Sets the line to `quantity`; 0 removes it. */
  set(owner: CartOwner, productId: string, quantity: number): Promise<void>;
  clear(owner: CartOwner): Promise<void>;
  /**
   * Moves a guest's lines into the user's cart in one atomic step: quantities added, each capped at `caps[productId]`
   * (stock), lines with a cap of 0 dropped; the guest cart is deleted. Returns how many lines were merged.
   */
  mergeGuest(guestId: string, userId: string, caps: ReadonlyMap<string, number>): Promise<number>;
  /** The guest's lines without renewing anything (merge reads them first to look up their stock). */
  peekGuest(guestId: string): Promise<CartLines>;
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

/**
 * KEYS[1] guest cart, KEYS[2] user cart. ARGV: userTtlMs, then productId/cap pairs.
 * A line the caller did not know about (added while it looked stock up) keeps its summed quantity: the cart
 * page and checkout check it against stock like any other line.
 */
const MERGE_GUEST = defineScript(`
local guest = redis.call('HGETALL', KEYS[1])
if #guest == 0 then return 0 end
local caps = {}
for i = 2, #ARGV, 2 do caps[ARGV[i]] = tonumber(ARGV[i + 1]) end
local merged = 0
for i = 1, #guest, 2 do
  local id = guest[i]
  local cap = caps[id]
  if cap == nil or cap > 0 then
    local total = tonumber(redis.call('HGET', KEYS[2], id) or '0') + tonumber(guest[i + 1])
    if cap ~= nil and total > cap then total = cap end
    redis.call('HSET', KEYS[2], id, total)
    merged = merged + 1
  end
end
redis.call('DEL', KEYS[1])
if merged > 0 then redis.call('PEXPIRE', KEYS[2], ARGV[1]) end
return merged
`);

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
      const flat = Array.isArray(fields) ? fields : [];
      const record: Record<string, string> = {};
      for (let i = 0; i + 1 < flat.length; i += 2) record[String(flat[i])] = String(flat[i + 1]);
      return toLines(record);
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
    async mergeGuest(guestId, userId, caps) {
      const args = [...caps].flatMap(([productId, cap]) => [productId, Math.max(0, cap)]);
      const reply = await redis.evalScript(
        MERGE_GUEST,
        [keys.guest(guestId), keys.user(userId)],
        [ttlMs({ kind: 'user', userId }), ...args],
      );
      return Number(reply);
    },
    async peekGuest(guestId) {
      return toLines(await redis.hgetall(keys.guest(guestId)));
    },
  };
}

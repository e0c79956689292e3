// @ts-check
import { tagsManifest } from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';

// Cache tag expiries shared through one Redis hash, so revalidateTag on one instance reaches every instance
// (docs/caching.md#several-instances). Plain JavaScript: Next loads the cache handlers from the file system. It uses
// the app's Redis client and never opens one; with Redis away each process keeps its own expiries.

const HASH = 'next-cache:tags';
// As long as a cached catalog entry may live (next.config.ts cacheLife expire): older expiries no longer matter.
const KEEP_MS = 86_400_000;

/** @typedef {{ stale?: number, expired?: number }} TagEntry */
/** @typedef {{ hgetall(key: string): Promise<Record<string, string>>, multi(commands: readonly (readonly (string | number)[])[]): Promise<unknown> }} TagStore */

/** @param {string} json @returns {TagEntry | null} */
function parse(json) {
  try {
    const value = JSON.parse(json);
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

/**
 * @param {{ redis: () => TagStore | undefined, prefix: () => string, manifest: Map<string, TagEntry> }} deps
 */
export function createSharedTags({ redis, prefix, manifest }) {
  const key = () => `${prefix()}${HASH}`;
  /** Writes this process's expiries of `tags` for the other instances. */
  async function publish(/** @type {string[]} */ tags) {
    const store = redis();
    if (!store) return;
    const fields = tags.flatMap((tag) => {
      const entry = manifest.get(tag);
      return entry ? [tag, JSON.stringify(entry)] : [];
    });
    if (fields.length === 0) return;
    try {
      await store.multi([
        ['HSET', key(), ...fields],
        ['PEXPIRE', key(), KEEP_MS],
      ]);
    } catch (error) {
      console.error(
        'Could not share a cache tag expiry; other instances show the change after the revalidate time:',
        error instanceof Error ? error.message : error,
      );
    }
  }
  return {
    /** Takes every expiry another instance wrote that is newer than this process's own. */
    async refresh() {
      const store = redis();
      if (!store) return;
      let remote;
      try {
        remote = await store.hgetall(key());
      } catch {
        return;
      }
      for (const [tag, json] of Object.entries(remote)) {
        const theirs = parse(json);
        if (!theirs) continue;
        const ours = manifest.get(tag) ?? {};
        const merged = { ...ours };
        for (const field of /** @type {const} */ (['stale', 'expired'])) {
          const value = theirs[field];
          if (typeof value === 'number' && !((ours[field] ?? -Infinity) >= value)) merged[field] = value;
        }
        if (merged.stale !== ours.stale || merged.expired !== ours.expired) manifest.set(tag, merged);
      }
    },
    publish,
    /**
     * Expires `tags` now, here and on every instance, before the caller answers. Next applies a route handler's
     * revalidateTag only after the response is sent (waitUntil), so a client that asks another instance as soon as
     * it has the answer would otherwise still get the old page. Marked as Next's own updateTags does with expire 0.
     */
    async expire(/** @type {string[]} */ tags) {
      const now = Math.round(performance.timeOrigin + performance.now());
      for (const tag of tags) manifest.set(tag, { ...manifest.get(tag), stale: now, expired: now });
      await publish(tags);
    },
  };
}

/** The process's shared tags, on the app's Redis client and key prefix. */
export const sharedTags = createSharedTags({
  redis: () => /** @type {{ storefrontRedis?: TagStore }} */ (globalThis).storefrontRedis,
  prefix: () => process.env.REDIS_KEY_PREFIX || 'sf:',
  manifest: tagsManifest,
});

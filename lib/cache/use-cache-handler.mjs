// @ts-check
import { createDefaultCacheHandler } from 'next/dist/server/lib/cache-handlers/default.js';
import { sharedTags } from './shared-tags.mjs';

// next.config.ts cacheHandlers.default: Next's own in-memory handler for 'use cache' entries, with tag expiries
// shared between instances through Redis (./shared-tags.mjs). Entries stay in each process.

const local = createDefaultCacheHandler(50 * 1024 * 1024);

/** @type {import('next/dist/server/lib/cache-handlers/types').CacheHandler} */
const handler = {
  get: (cacheKey, softTags) => local.get(cacheKey, softTags),
  set: (cacheKey, pendingEntry) => local.set(cacheKey, pendingEntry),
  refreshTags: () => sharedTags.refresh(),
  getExpiration: (tags) => local.getExpiration(tags),
  async updateTags(tags, durations) {
    await local.updateTags(tags, durations);
    await sharedTags.publish(tags);
  },
};

export default handler;

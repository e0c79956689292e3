// @ts-check
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { sharedTags } from './shared-tags.mjs';

// next.config.ts cacheHandler: Next's own page cache (memory, then the build folder), which checks a page's tags
// before serving it; reading the other instances' expiries first makes a tag expired elsewhere count here too.
// A served page never calls the 'use cache' handler's refreshTags, hence this second handler.

export default class PageCacheHandler extends fileSystemCache.default {
  /** @param {any[]} args */
  async get(...args) {
    await sharedTags.refresh();
    return super.get(...args);
  }
}

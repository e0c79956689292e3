// @ts-check
import * as fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { sharedTags } from './shared-tags.mjs';

// next.config.ts cacheHandler: Next's own page cache (memory, then the build folder), which checks a page's tags
// before serving it; reading the other instances' expiries first makes a tag expired elsewhere count here too.
// A served page never calls the 'use cache' handler's refreshTags, hence this second handler.

// Node's own import sees the CommonJS exports object (the class is its `default`); the bundler used by `next build`
// unwraps it already.
const FileSystemCache = fileSystemCache.default.default ?? fileSystemCache.default;

export default class PageCacheHandler extends FileSystemCache {
  /** @param {any[]} args */
  async get(...args) {
    await sharedTags.refresh();
    return super.get(...args);
  }
}

// @ts-check
import * as fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { sharedTags } from './shared-tags.mjs';

// next.config.ts cacheHandler: Next's own page cache (memory, then the build folder), which checks a page's tags
// before serving it; reading the other instances' expiries first makes a tag expired elsewhere count here too.
// A served page never calls the 'use cache' handler's refreshTags, hence this second handler.

// Node's own import sees the CommonJS exports object (the class is its `default`); the bundler used by `next build`
// unwraps it already.
const FileSystemCache = fileSystemCache.default.default ?? fileSystemCache.default;

/**
 * A page or route answer for a URL that names nothing (a made-up product or category slug): Next would keep it like
 * any other render, a file set in the build folder per URL, so a loop over random slugs would fill the disk.
 * @param {any} data
 */
function isNotFoundAnswer(data) {
  return (data?.kind === 'APP_PAGE' || data?.kind === 'APP_ROUTE') && data.status === 404;
}

export default class PageCacheHandler extends FileSystemCache {
  /** @param {any[]} args */
  async get(...args) {
    await sharedTags.refresh();
    return super.get(...args);
  }

  /**
   * Keeps every render but a 404: an unknown slug is rendered again on each visit (its data lookup stays in the
   * bounded 'use cache' memory), and a product added later still gets its page on its first visit.
   * @param {[string, any, any]} args
   */
  async set(...args) {
    if (isNotFoundAnswer(args[1])) return;
    return super.set(...args);
  }
}

import { resolve } from 'node:path';
import type { NextConfig } from 'next';
import { env } from './lib/env';
import { securityHeaders } from './lib/http/security-headers';

const nextConfig: NextConfig = {
  // A separate build folder lets the e2e build and a running demo coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['@node-rs/argon2', 'ioredis'],
  async headers() {
    // Fixed at build time, like every header here: HSTS follows the SITE_URL the app is built with.
    const headers = securityHeaders({ siteUrl: env.SITE_URL, development: env.NODE_ENV !== 'production' });
    return [{ source: '/:path*', headers }];
  },
  // Catalog pages are prerendered and served from cache; what depends on the visitor comes from /api/session.
  cacheComponents: true,
  // Off: an unknown product or category must answer a real 404, so those pages read their params before any
  // Suspense boundary, and the first visit waits for the URL's own render instead of a generic shell.
  partialPrefetching: false,
  // Several instances: tag expiries (a product change) reach every instance through Redis; the cached entries
  // themselves stay in each process (lib/cache). Plain JavaScript files, loaded by Next from the file system.
  cacheHandler: resolve('lib/cache/page-cache-handler.mjs'),
  cacheHandlers: { default: resolve('lib/cache/use-cache-handler.mjs') },
  cacheLife: {
    // Catalog data changes through lib/catalog, which expires its tags at once; the timed refresh only bounds
    // how long a CDN (s-maxage) may keep a page after such a change.
    catalog: { stale: 60, revalidate: 300, expire: 86_400 },
  },
};

export default nextConfig;

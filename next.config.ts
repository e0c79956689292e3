import { resolve } from 'node:path';
import type { NextConfig } from 'next';
import { env } from './lib/env';
import { MAX_JSON_BYTES } from './lib/http/limits';
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
  experimental: {
    // Server actions (the forms) refuse a body over the JSON routes' limit, counted as it streams in (Next's own
    // reader). The proxy keeps a copy of each body it sees on its paths (10 MB by default): at most the limit and
    // one socket read (64 KiB) here, so a longer body reaches its action still over the limit and gets the 413.
    serverActions: { bodySizeLimit: MAX_JSON_BYTES },
    proxyClientMaxBodySize: MAX_JSON_BYTES + 64 * 1024,
    // Every script file the pages load carries its hash: a chunk altered on its way (a CDN, a proxy) does not run.
    // Inline scripts cannot be covered this way (lib/http/security-headers.ts says why).
    sri: { algorithm: 'sha256' },
  },
  cacheLife: {
    // Catalog data changes through lib/catalog, which expires its tags at once; the timed refresh only bounds
    // how long a CDN (s-maxage) may keep a page after such a change.
    catalog: { stale: 60, revalidate: 300, expire: 86_400 },
  },
};

export default nextConfig;

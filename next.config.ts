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
};

export default nextConfig;

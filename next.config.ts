import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // A separate build folder lets the e2e build and a running demo coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['@node-rs/argon2', 'ioredis'],
};

export default nextConfig;

// The local services' addresses, defined once: lib/env.ts, the scripts, the seed, Prisma's config and the bench
// use these. A module of its own, without side effects, so Prisma's config can read it without validating the
// whole environment (lib/env.ts parses process.env when imported).
export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/storefront';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

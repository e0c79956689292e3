import { loadEnvConfig } from '@next/env';
import { defineConfig } from 'prisma/config';

// Prisma 7 no longer reads .env by itself; read the same files Next.js does.
loadEnvConfig(process.cwd());

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed.ts',
  },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/storefront',
  },
});

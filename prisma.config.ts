import { loadEnvConfig } from '@next/env';
import { defineConfig } from 'prisma/config';
import { DEFAULT_DATABASE_URL } from './lib/env-defaults';

// Prisma 7 no longer reads .env by itself; read the same files Next.js does.
loadEnvConfig(process.cwd());

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed.ts',
  },
  datasource: {
    url: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { testEnvironment } from './test/env';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@/': root,
      // server-only throws outside React's server build; in tests the modules run on the server anyway.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    environment: 'node',
    include: [
      'lib/**/*.test.ts',
      'scripts/**/*.test.ts',
      'test/**/*.test.ts',
      'tools/**/*.test.ts',
      'app/**/*.test.ts',
      'prisma/**/*.test.ts',
      'proxy.test.ts',
      'bench/**/*.test.ts',
    ],
    env: testEnvironment('unit'),
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/vitest-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

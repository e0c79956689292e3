import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { testEnvironment } from './test/env';

const root = fileURLToPath(new URL('.', import.meta.url));

const CLUSTER_SUITES = [
  'lib/auth/auth.test.ts',
  'lib/users/users.test.ts',
  'lib/orders/orders.test.ts',
  'app/api/account/routes.test.ts',
  'app/api/admin/routes.test.ts',
];

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
    env: testEnvironment('unit'),
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/vitest-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
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
        },
      },
      {
        // The suites of what the app keeps in Redis, again with the app's own client on the private Redis Cluster the
        // global setup starts: sign-in, users and their changes, carts and checkout, the account and admin APIs.
        extends: true,
        test: {
          name: 'cluster',
          include: CLUSTER_SUITES,
          setupFiles: ['./test/cluster-env.ts'],
        },
      },
    ],
  },
});

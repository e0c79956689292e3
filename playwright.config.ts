import { defineConfig, devices } from '@playwright/test';
import { testEnvironment } from './test/env';
import { KEEP_ALIVE_MS } from './scripts/next-instance';

// End-to-end tests drive the production build (scripts/e2e.sh builds it and prepares the database)
// in Debian's Chromium: Playwright's own browser download does not work offline.

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const e2eEnv = testEnvironment('e2e');

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['./e2e/attack-reporter.ts'],
    ...(process.env.CI ? [] : [['html', { open: 'never' }] as const]),
  ],
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // Idle sockets kept well past Node's 5 s: Playwright's request client reuses one the server may be closing at
    // that moment, and the request fails with ECONNRESET (seen on busy machines).
    command: `npx next start -H 127.0.0.1 -p ${PORT} --keepAliveTimeout ${KEEP_ALIVE_MS}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ...e2eEnv, PORT: String(PORT), NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { warnIfDemoAccountsLive } from './demo-warning';

// The test database is seeded with the demo accounts (NODE_ENV=test allows them).
const production = (extra: Record<string, string> = {}) =>
  parseEnv({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), ...extra });

describe('demo accounts in production', () => {
  it('warns loudly, naming each demo account present', async () => {
    const logged: string[] = [];
    const emails = await warnIfDemoAccountsLive((message) => logged.push(message), production());
    expect(emails.sort()).toEqual(DEMO_ACCOUNTS.map((account) => account.email).sort());
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^WARNING: demo account\(s\) .*admin@example\.com.*DEMO_ACCOUNTS=on/);
  });

  it('stays quiet when DEMO_ACCOUNTS=on says the server is a demo, and outside production', async () => {
    const logged: string[] = [];
    const log = (message: string) => logged.push(message);
    expect(await warnIfDemoAccountsLive(log, production({ DEMO_ACCOUNTS: 'on' }))).toEqual([]);
    expect(await warnIfDemoAccountsLive(log, parseEnv({ NODE_ENV: 'development' }))).toEqual([]);
    expect(logged).toEqual([]);
  });
});

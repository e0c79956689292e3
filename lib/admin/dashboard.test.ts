import { describe, expect, it } from 'vitest';
import { register } from '@/lib/auth/auth';
import { registerSchema } from '@/lib/auth/schema';
import { uniqueEmail } from '@/test/auth';
import { CHART_HOURS, getDashboard } from './dashboard';

describe('admin dashboard', () => {
  it('counts a sign-in in the last 24 hours and in the current hour of the chart', async () => {
    const before = await getDashboard();
    const input = registerSchema.parse({
      email: uniqueEmail(),
      password: 'a long enough password',
      name: 'D',
    });
    await register(input, { ip: null, deviceIp: null, userAgent: null, previousToken: null });
    const after = await getDashboard();
    expect(after.signInsPerHour).toHaveLength(CHART_HOURS);
    // Other suites sign in at the same time: at least ours is counted.
    expect(after.signInsLast24h).toBeGreaterThan(before.signInsLast24h);
    expect(after.users).toBeGreaterThan(before.users);
    expect(after.signInsPerHour.at(-1)?.count).toBeGreaterThan(0);
    expect(after.activeSessions).toBeGreaterThan(0);
  });
});

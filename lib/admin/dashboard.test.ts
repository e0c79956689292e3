import { describe, expect, it } from 'vitest';
import { register } from '@/lib/auth/auth';
import { registerSchema } from '@/lib/auth/schema';
import { uniqueEmail } from '@/test/auth';
import { db } from '@/lib/db';
import { CHART_HOURS, getDashboard, SALES_DAYS } from './dashboard';

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

describe('admin dashboard sales', () => {
  it('counts paid orders of the last 30 days by day, their revenue and the average order', async () => {
    // A month of its own, decades ahead, so no other suite's (or earlier run's) orders fall in the window.
    let now: Date;
    do now = new Date(Date.UTC(2090 + Math.floor(Math.random() * 900), 0, 15, 12));
    while (
      await db.order.count({
        where: {
          createdAt: {
            gte: new Date(now.getTime() - 40 * 86_400_000),
            lte: new Date(now.getTime() + 86_400_000),
          },
        },
      })
    );
    const { user } = await register(
      registerSchema.parse({ email: uniqueEmail(), password: 'a long enough password', name: 'S' }),
      { ip: null, deviceIp: null, userAgent: null, previousToken: null },
    );
    const at = (daysAgo: number, hour = 9) => new Date(Date.UTC(now.getUTCFullYear(), 0, 15 - daysAgo, hour));
    const order = (totalCents: number, createdAt: Date, status: 'paid' | 'pending' = 'paid') =>
      db.order.create({ data: { userId: user.id, status, totalCents, createdAt } });
    await order(1000, at(0));
    await order(2001, at(0, 11));
    await order(4000, at(29));
    await order(9999, at(0), 'pending');
    await order(7777, at(30));
    await order(5555, at(-1));

    const { sales } = await getDashboard(now);
    expect(sales.perDay).toHaveLength(SALES_DAYS);
    expect(sales.orders).toBe(3);
    expect(sales.revenueCents).toBe(7001);
    expect(sales.averageOrderCents).toBe(2334);
    expect(sales.perDay.at(-1)).toEqual({ day: at(0, 0), orders: 2, revenueCents: 3001 });
    expect(sales.perDay[0]).toEqual({ day: at(29, 0), orders: 1, revenueCents: 4000 });
  });
});

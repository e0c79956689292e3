import 'server-only';
import { db } from '@/lib/db';
import { countLiveSessions } from '@/lib/users';

// The admin dashboard's numbers. Sign-ins come from the SignIn table (one row per session started); sales from paid
// orders, by the day they were placed (UTC).

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const CHART_HOURS = 7 * 24;
export const SALES_DAYS = 30;
// The shop prices everything in one currency (the catalog's); the figures add up its orders only.
export const SALES_CURRENCY = 'USD';

export type Sales = {
  orders: number;
  revenueCents: number;
  /** Revenue over orders, rounded to the cent; 0 without orders. */
  averageOrderCents: number;
  /** Paid orders and revenue per UTC day, oldest first: SALES_DAYS days ending with today. */
  perDay: { day: Date; orders: number; revenueCents: number }[];
};

export type Dashboard = {
  activeSessions: number;
  signInsLast24h: number;
  users: number;
  bannedUsers: number;
  premiumUsers: number;
  /** Sign-ins per hour, oldest first: CHART_HOURS buckets ending with the current hour. */
  signInsPerHour: { hour: Date; count: number }[];
  sales: Sales;
};

async function getSales(now: Date): Promise<Sales> {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const since = new Date(today - (SALES_DAYS - 1) * DAY_MS);
  const rows = await db.$queryRaw<{ day: Date; orders: bigint; revenue: bigint }[]>`
    SELECT date_trunc('day', "createdAt") AS day, count(*) AS orders, sum("totalCents") AS revenue
    FROM "Order" WHERE status = 'paid' AND currency = ${SALES_CURRENCY} AND "createdAt" >= ${since} AND "createdAt" <= ${now}
    GROUP BY 1`;
  const byDay = new Map(rows.map((row) => [row.day.getTime(), row]));
  const perDay = Array.from({ length: SALES_DAYS }, (_, i) => {
    const day = since.getTime() + i * DAY_MS;
    const row = byDay.get(day);
    return { day: new Date(day), orders: Number(row?.orders ?? 0), revenueCents: Number(row?.revenue ?? 0) };
  });
  const orders = perDay.reduce((sum, day) => sum + day.orders, 0);
  const revenueCents = perDay.reduce((sum, day) => sum + day.revenueCents, 0);
  return { orders, revenueCents, averageOrderCents: orders ? Math.round(revenueCents / orders) : 0, perDay };
}

export async function getDashboard(now = new Date()): Promise<Dashboard> {
  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const since = new Date(currentHour - (CHART_HOURS - 1) * HOUR_MS);
  const [activeSessions, signInsLast24h, users, bannedUsers, premiumUsers, hourly, sales] = await Promise.all(
    [
      countLiveSessions(),
      db.signIn.count({ where: { createdAt: { gte: new Date(now.getTime() - DAY_MS) } } }),
      db.user.count(),
      db.user.count({
        where: { bannedAt: { not: null }, OR: [{ bannedUntil: null }, { bannedUntil: { gt: now } }] },
      }),
      db.user.count({ where: { tier: 'premium' } }),
      db.$queryRaw<{ hour: Date; count: bigint }[]>`
      SELECT date_trunc('hour', "createdAt") AS hour, count(*) AS count
      FROM "SignIn" WHERE "createdAt" >= ${since}
      GROUP BY 1`,
      getSales(now),
    ],
  );
  const counts = new Map(hourly.map((row) => [row.hour.getTime(), Number(row.count)]));
  const signInsPerHour = Array.from({ length: CHART_HOURS }, (_, i) => {
    const hour = since.getTime() + i * HOUR_MS;
    return { hour: new Date(hour), count: counts.get(hour) ?? 0 };
  });
  return { activeSessions, signInsLast24h, users, bannedUsers, premiumUsers, signInsPerHour, sales };
}

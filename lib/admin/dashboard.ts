import 'server-only';
import { db } from '@/lib/db';
import { countLiveSessions } from '@/lib/users';

// The admin dashboard's numbers. Sign-ins come from the SignIn table (one row per session started).

const HOUR_MS = 3_600_000;
export const CHART_HOURS = 7 * 24;

export type Dashboard = {
  activeSessions: number;
  signInsLast24h: number;
  users: number;
  bannedUsers: number;
  premiumUsers: number;
  /** Sign-ins per hour, oldest first: CHART_HOURS buckets ending with the current hour. */
  signInsPerHour: { hour: Date; count: number }[];
};

export async function getDashboard(now = new Date()): Promise<Dashboard> {
  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const since = new Date(currentHour - (CHART_HOURS - 1) * HOUR_MS);
  const [activeSessions, signInsLast24h, users, bannedUsers, premiumUsers, hourly] = await Promise.all([
    countLiveSessions(),
    db.signIn.count({ where: { createdAt: { gte: new Date(now.getTime() - 24 * HOUR_MS) } } }),
    db.user.count(),
    db.user.count({
      where: { bannedAt: { not: null }, OR: [{ bannedUntil: null }, { bannedUntil: { gt: now } }] },
    }),
    db.user.count({ where: { tier: 'premium' } }),
    db.$queryRaw<{ hour: Date; count: bigint }[]>`
      SELECT date_trunc('hour', "createdAt") AS hour, count(*) AS count
      FROM "SignIn" WHERE "createdAt" >= ${since}
      GROUP BY 1`,
  ]);
  const counts = new Map(hourly.map((row) => [row.hour.getTime(), Number(row.count)]));
  const signInsPerHour = Array.from({ length: CHART_HOURS }, (_, i) => {
    const hour = since.getTime() + i * HOUR_MS;
    return { hour: new Date(hour), count: counts.get(hour) ?? 0 };
  });
  return { activeSessions, signInsLast24h, users, bannedUsers, premiumUsers, signInsPerHour };
}

import type { Metadata } from 'next';
import { TierBadge } from '@/components/account/tier-badge';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { requireAdmin } from '@/lib/auth/gate';
import { db } from '@/lib/db';
import { isBanned, toSessionUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Admin' };

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

const USER_COLUMNS = ['Name', 'Email', 'Role', 'Tier', 'Status', 'Joined'];

export default async function AdminPage() {
  await requireAdmin('/admin');
  const now = new Date();
  const [users, admins, premium, banned, newest] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { role: 'admin' } }),
    db.user.count({ where: { tier: 'premium' } }),
    db.user.count({
      where: { bannedAt: { not: null }, OR: [{ bannedUntil: null }, { bannedUntil: { gt: now } }] },
    }),
    db.user.findMany({ orderBy: { createdAt: 'desc' }, take: 20 }),
  ]);
  const stats = [
    { label: 'Users', value: users },
    { label: 'Admins', value: admins },
    { label: 'Premium', value: premium },
    { label: 'Banned', value: banned },
  ];
  return (
    <Container className="py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Admin</h1>
      <dl className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {stats.map((stat) => (
          <Card key={stat.label} className="px-6 py-4">
            <dt className="text-sm text-slate-600">{stat.label}</dt>
            <dd className="mt-1 text-2xl font-semibold text-slate-900">{stat.value}</dd>
          </Card>
        ))}
      </dl>
      <Card className="mt-8">
        <CardHeader>
          <CardTitle>Newest users</CardTitle>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600">
              <tr>
                {USER_COLUMNS.map((column) => (
                  <th key={column} scope="col" className="py-2 pr-4 font-medium last:pr-0">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {newest.map((row) => (
                <tr key={row.id}>
                  <td className="py-2 pr-4 text-slate-900">{row.name}</td>
                  <td className="py-2 pr-4 text-slate-700">{row.email}</td>
                  <td className="py-2 pr-4">
                    {row.role === 'admin' ? <Badge tone="warning">Admin</Badge> : 'Shopper'}
                  </td>
                  <td className="py-2 pr-4">
                    <TierBadge tier={row.tier} />
                  </td>
                  <td className="py-2 pr-4">
                    {isBanned(toSessionUser(row), now.getTime()) ? (
                      <Badge tone="danger">Banned</Badge>
                    ) : (
                      <Badge tone="success">Active</Badge>
                    )}
                  </td>
                  <td className="py-2 text-slate-700">
                    <time dateTime={row.createdAt.toISOString()}>{dateFormat.format(row.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>
    </Container>
  );
}

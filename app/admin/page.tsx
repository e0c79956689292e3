import type { Metadata } from 'next';
import { SalesChart } from '@/components/admin/sales-chart';
import { SignInChart } from '@/components/admin/sign-in-chart';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { getDashboard, SALES_CURRENCY, SALES_DAYS } from '@/lib/admin/dashboard';
import { requireAdmin } from '@/lib/auth/gate';
import { formatPrice } from '@/lib/pricing';

export const metadata: Metadata = { title: 'Admin' };

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

export default async function AdminDashboardPage() {
  await requireAdmin('/admin');
  const dashboard = await getDashboard();
  const { sales } = dashboard;
  const salesStats = [
    { label: `Paid orders, last ${SALES_DAYS} days`, value: String(sales.orders) },
    { label: `Revenue, last ${SALES_DAYS} days`, value: formatPrice(sales.revenueCents, SALES_CURRENCY) },
    { label: 'Average order value', value: formatPrice(sales.averageOrderCents, SALES_CURRENCY) },
  ];
  const sessionStats = [
    { label: 'Active sessions now', value: String(dashboard.activeSessions) },
    { label: 'Sign-ins, last 24 hours', value: String(dashboard.signInsLast24h) },
    { label: 'Banned users', value: String(dashboard.bannedUsers) },
    {
      label: 'Premium share',
      value: percent.format(dashboard.users ? dashboard.premiumUsers / dashboard.users : 0),
      detail: `${dashboard.premiumUsers} of ${dashboard.users} users`,
    },
  ];
  return (
    <Container className="py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Dashboard</h1>
      <h2 className="mt-6 text-lg font-semibold text-slate-900">Sales</h2>
      <StatCards stats={salesStats} />
      <Card className="mt-4">
        <CardHeader>
          <CardTitle>Revenue per day, last {SALES_DAYS} days</CardTitle>
        </CardHeader>
        <CardContent>
          <SalesChart sales={sales} />
        </CardContent>
      </Card>
      <h2 className="mt-10 text-lg font-semibold text-slate-900">Sessions and users</h2>
      <StatCards stats={sessionStats} />
      <Card className="mt-4">
        <CardHeader>
          <CardTitle>Sign-ins per hour, last 7 days</CardTitle>
        </CardHeader>
        <CardContent>
          <SignInChart data={dashboard.signInsPerHour} />
        </CardContent>
      </Card>
    </Container>
  );
}

type Stat = { label: string; value: string; detail?: string };

function StatCards({ stats }: { stats: Stat[] }) {
  return (
    <dl className="mt-3 grid grid-cols-2 gap-4 lg:grid-cols-4">
      {stats.map((stat) => (
        <Card key={stat.label} className="px-6 py-4">
          <dt className="text-sm text-slate-600">{stat.label}</dt>
          <dd className="mt-1 text-2xl font-semibold text-slate-900">{stat.value}</dd>
          {stat.detail ? <dd className="text-xs text-slate-600">{stat.detail}</dd> : null}
        </Card>
      ))}
    </dl>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '@/components/admin/pager';
import { SelectField } from '@/components/admin/select-field';
import { RoleBadge, StatusBadge, TierBadge } from '@/components/admin/status-badges';
import { TableHead } from '@/components/admin/table-head';
import { When } from '@/components/admin/when';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { Input } from '@/components/ui/input';
import { requireAdmin } from '@/lib/auth/gate';
import { listUsers } from '@/lib/users';
import { listUsersQuerySchema } from '@/lib/users/schema';
import { parsePageParams } from '@/lib/users/search-params';

export const metadata: Metadata = { title: 'Users · Admin' };

const ANY = { value: '', label: 'Any' };
const COLUMNS = ['User', 'Role', 'Tier', 'Status', 'Active sessions', 'Banned until'];

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin('/admin/users');
  const query = parsePageParams(await searchParams, listUsersQuerySchema);
  const result = await listUsers(query);
  return (
    <Container className="py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Users</h1>
      <form method="get" action="/admin/users" role="search" className="mt-6 flex flex-wrap items-end gap-3">
        <Input
          name="q"
          label="Email or name"
          type="search"
          defaultValue={query.q ?? ''}
          className="min-w-64 flex-1"
        />
        <SelectField
          name="role"
          label="Role"
          defaultValue={query.role ?? ''}
          options={[ANY, { value: 'shopper', label: 'Shopper' }, { value: 'admin', label: 'Admin' }]}
        />
        <SelectField
          name="tier"
          label="Tier"
          defaultValue={query.tier ?? ''}
          options={[ANY, { value: 'standard', label: 'Standard' }, { value: 'premium', label: 'Premium' }]}
        />
        <SelectField
          name="status"
          label="Status"
          defaultValue={query.status ?? ''}
          options={[ANY, { value: 'active', label: 'Active' }, { value: 'banned', label: 'Banned' }]}
        />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <Card className="mt-6 overflow-x-auto" tabIndex={0} role="region" aria-label="Users">
        <table className="w-full text-left text-sm">
          <TableHead columns={COLUMNS} />
          <tbody className="divide-y divide-slate-100">
            {result.items.map((user) => (
              <tr key={user.id} data-testid="admin-user-row">
                <td className="px-4 py-3">
                  <Link
                    href={`/admin/users/${user.id}`}
                    className="text-brand-800 font-medium hover:underline"
                  >
                    {user.name}
                  </Link>
                  <div className="text-slate-600">{user.email}</div>
                </td>
                <td className="px-4 py-3">
                  <RoleBadge role={user.role} />
                </td>
                <td className="px-4 py-3">
                  <TierBadge tier={user.tier} />
                </td>
                <td className="px-4 py-3">
                  <StatusBadge status={user.status} />
                </td>
                <td className="px-4 py-3 text-slate-900">{user.activeSessions}</td>
                <td className="px-4 py-3 text-slate-700">
                  {user.status === 'banned' ? (
                    user.bannedUntil ? (
                      <When at={user.bannedUntil} />
                    ) : (
                      'Permanent'
                    )
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {result.items.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">No users match.</p>
        ) : null}
      </Card>
      <div className="mt-6">
        <Pager
          basePath="/admin/users"
          params={{ q: query.q, role: query.role, tier: query.tier, status: query.status }}
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
        />
      </div>
    </Container>
  );
}

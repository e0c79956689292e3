import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/admin/action-form';
import { AuditTable } from '@/components/admin/audit-table';
import { RoleBadge, StatusBadge, TierBadge } from '@/components/admin/status-badges';
import { UserActions } from '@/components/admin/user-actions';
import { OrderSummaryLine } from '@/components/orders/order-summary-line';
import { When } from '@/components/admin/when';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { revokeUserSessionAction } from '@/lib/admin/actions';
import { requireAdmin } from '@/lib/auth/gate';
import { AppError } from '@/lib/http/errors';
import { listOrders } from '@/lib/orders';
import { getAdminUser, listAudit, listSessionsOfUser } from '@/lib/users';
import { userIdParamsSchema } from '@/lib/users/schema';

export const metadata: Metadata = { title: 'User · Admin' };

const ORDERS_SHOWN = 10;

async function loadUser(id: string) {
  try {
    return await Promise.all([
      getAdminUser(id),
      listSessionsOfUser(id),
      listAudit({ targetId: id, page: 1 }),
      listOrders(id, { page: 1, pageSize: ORDERS_SHOWN }),
    ]);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const current = await requireAdmin(`/admin/users/${encodeURIComponent(raw)}`);
  const parsed = userIdParamsSchema.safeParse({ id: raw });
  if (!parsed.success) notFound();
  const [user, sessions, audit, orders] = await loadUser(parsed.data.id);
  const profile = [
    { label: 'Email', value: user.email },
    { label: 'Joined', value: <When at={user.createdAt} /> },
    { label: 'Role', value: <RoleBadge role={user.role} /> },
    { label: 'Tier', value: <TierBadge tier={user.tier} /> },
    { label: 'Status', value: <StatusBadge status={user.status} /> },
    ...(user.status === 'banned'
      ? [
          { label: 'Ban reason', value: user.banReason ?? '—' },
          { label: 'Banned since', value: user.bannedAt ? <When at={user.bannedAt} /> : '—' },
          { label: 'Banned until', value: user.bannedUntil ? <When at={user.bannedUntil} /> : 'Permanent' },
        ]
      : []),
  ];
  return (
    <Container className="py-10">
      <Breadcrumbs trail={[{ label: 'Users', href: '/admin/users' }]} current={user.name} />
      <h1 className="mt-4 text-2xl font-semibold text-slate-900">{user.name}</h1>
      <p className="text-sm text-slate-600">{user.email}</p>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>Profile</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
                {profile.map((row) => (
                  <div key={row.label}>
                    <dt className="text-slate-600">{row.label}</dt>
                    <dd
                      className="mt-0.5 text-slate-900"
                      data-testid={`profile-${row.label.toLowerCase().replace(/ /g, '-')}`}
                    >
                      {row.value}
                    </dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Active sessions ({sessions.length})</CardTitle>
            </CardHeader>
            {sessions.length === 0 ? (
              <p className="px-6 pb-6 text-sm text-slate-600">No active sessions.</p>
            ) : (
              <ul className="divide-y divide-slate-100" aria-label="Sessions">
                {sessions.map((session) => {
                  return (
                    <li
                      key={session.id}
                      className="flex flex-wrap items-start justify-between gap-4 px-6 py-4"
                    >
                      <div className="text-sm">
                        <p className="font-medium text-slate-900">
                          {session.device ?? 'Unknown device'}
                          {session.id === current.session.id ? ' (this session)' : ''}
                        </p>
                        <p className="mt-1 text-slate-600">
                          {session.ip ?? 'IP address unknown'} · Signed in <When at={session.createdAt} /> ·
                          Last seen <When at={session.lastSeenAt} />
                        </p>
                      </div>
                      <ActionForm
                        action={revokeUserSessionAction.bind(null, user.id)}
                        submitLabel="Revoke"
                        confirm={`Sign out ${session.device ?? 'Unknown device'} now?`}
                        hidden={{ sessionId: session.id }}
                      />
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>
                Orders ({orders.total}
                {orders.total > orders.items.length ? `, the latest ${orders.items.length}` : ''})
              </CardTitle>
            </CardHeader>
            {orders.items.length === 0 ? (
              <p className="px-6 pb-6 text-sm text-slate-600">No orders yet.</p>
            ) : (
              <ul className="divide-y divide-slate-100" aria-label="Orders">
                {orders.items.map((order) => (
                  <li
                    key={order.id}
                    className="flex flex-wrap items-center justify-between gap-3 px-6 py-3 text-sm"
                  >
                    <OrderSummaryLine order={order} when={<When at={order.createdAt} />} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Audit trail</CardTitle>
            </CardHeader>
            <AuditTable items={audit.items} showTarget={false} />
          </Card>
        </div>
        <Card className="h-fit">
          <CardHeader>
            <CardTitle>Actions</CardTitle>
          </CardHeader>
          <UserActions user={user} />
        </Card>
      </div>
    </Container>
  );
}

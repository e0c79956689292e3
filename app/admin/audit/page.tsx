import type { Metadata } from 'next';
import { AUDIT_ACTION_LABELS } from '@/components/admin/audit-labels';
import { AuditTable } from '@/components/admin/audit-table';
import { Pager } from '@/components/admin/pager';
import { SelectField } from '@/components/admin/select-field';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { Input } from '@/components/ui/input';
import { requireAdmin } from '@/lib/auth/gate';
import { listAudit } from '@/lib/users';
import { AUDIT_ACTIONS, auditQuerySchema } from '@/lib/users/schema';
import { parsePageParams } from '@/lib/users/search-params';

export const metadata: Metadata = { title: 'Audit log · Admin' };

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin('/admin/audit');
  const query = parsePageParams(await searchParams, auditQuerySchema);
  const result = await listAudit(query);
  return (
    <Container className="py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Audit log</h1>
      <form method="get" action="/admin/audit" role="search" className="mt-6 flex flex-wrap items-end gap-3">
        <Input name="actor" label="Admin (email or id)" defaultValue={query.actor ?? ''} />
        <Input name="target" label="User (email or id)" defaultValue={query.target ?? ''} />
        <SelectField
          name="action"
          label="Action"
          defaultValue={query.action ?? ''}
          options={[
            { value: '', label: 'Any' },
            ...AUDIT_ACTIONS.map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] })),
          ]}
        />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <Card className="mt-6">
        <AuditTable items={result.items} />
      </Card>
      <div className="mt-6">
        <Pager
          basePath="/admin/audit"
          params={{ actor: query.actor, target: query.target, action: query.action }}
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
        />
      </div>
    </Container>
  );
}

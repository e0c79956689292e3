import type { AuditEntry } from '@/lib/users';
import { AUDIT_ACTION_LABELS } from './audit-labels';
import { TableHead } from './table-head';
import { When } from './when';

type Snapshot = Record<string, unknown> | null;

/** What changed, as "field: before → after" for the fields that differ. */
function changes(before: unknown, after: unknown): string {
  const a = (before ?? {}) as Snapshot;
  const b = (after ?? {}) as Snapshot;
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])];
  return keys
    .filter((key) => JSON.stringify(a?.[key] ?? null) !== JSON.stringify(b?.[key] ?? null))
    .map((key) => `${key}: ${String(a?.[key] ?? '—')} → ${String(b?.[key] ?? '—')}`)
    .join('; ');
}

export function AuditTable({ items, showTarget = true }: { items: AuditEntry[]; showTarget?: boolean }) {
  if (items.length === 0) return <p className="px-4 py-6 text-sm text-slate-600">No entries.</p>;
  const columns = ['When', 'Admin', 'Action', ...(showTarget ? ['User'] : []), 'Reason', 'Change', 'IP'];
  return (
    // Focusable, so a keyboard can scroll a wide log sideways.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Audit entries">
      <table className="w-full text-left text-sm">
        <TableHead columns={columns} />
        <tbody className="divide-y divide-slate-100 align-top">
          {items.map((entry) => (
            <tr key={entry.id} data-testid="audit-row">
              <td className="px-4 py-3 whitespace-nowrap text-slate-700">
                <When at={entry.createdAt} />
              </td>
              <td className="px-4 py-3 text-slate-900">{entry.actor?.email ?? 'System'}</td>
              <td className="px-4 py-3 font-medium text-slate-900">{AUDIT_ACTION_LABELS[entry.action]}</td>
              {showTarget ? <td className="px-4 py-3 text-slate-900">{entry.target?.email ?? '—'}</td> : null}
              <td className="px-4 py-3 text-slate-700">{entry.reason ?? '—'}</td>
              <td className="px-4 py-3 text-slate-700">{changes(entry.before, entry.after) || '—'}</td>
              <td className="px-4 py-3 text-slate-700">{entry.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

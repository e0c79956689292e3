import { buttonClassName } from '@/components/ui/button';
import Link from 'next/link';

type PagerProps = {
  basePath: string;
  /** The current filters, kept on every page link. */
  params: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
};

function href(basePath: string, params: PagerProps['params'], page: number): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  if (page > 1) search.set('page', String(page));
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** Previous / next with "page x of y": admin lists are searched more than browsed. */
export function Pager({ basePath, params, page, pageSize, total }: PagerProps) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const edge = (target: number, label: string, rel: 'prev' | 'next', enabled: boolean) =>
    enabled ? (
      <Link
        href={href(basePath, params, target)}
        rel={rel}
        className={buttonClassName({ variant: 'secondary', size: 'sm' })}
      >
        {label}
      </Link>
    ) : (
      <span aria-disabled="true" className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
        {label}
      </span>
    );
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-4 text-sm text-slate-700">
      <p>
        Page {Math.min(page, pageCount)} of {pageCount} · {total} {total === 1 ? 'result' : 'results'}
      </p>
      <div className="flex gap-2">
        {edge(page - 1, 'Previous', 'prev', page > 1)}
        {edge(page + 1, 'Next', 'next', page < pageCount)}
      </div>
    </nav>
  );
}

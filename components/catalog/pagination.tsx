import Link from 'next/link';
import { catalogHref, type CatalogParams } from './catalog-href';

type PaginationProps = {
  basePath: string;
  params: CatalogParams;
  page: number;
  pageSize: number;
  total: number;
};

/** Page numbers around the current page, the first and the last; null marks a gap. */
function pageWindow(page: number, pageCount: number): (number | null)[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const withGaps: (number | null)[] = [];
  for (const [index, p] of sorted.entries()) {
    const previous = sorted[index - 1];
    if (previous !== undefined && p - previous > 1) withGaps.push(null);
    withGaps.push(p);
  }
  return withGaps;
}

const linkClass =
  'inline-flex h-10 min-w-10 items-center justify-center rounded-lg border px-3 text-sm font-medium transition-colors';

export function Pagination({ basePath, params, page, pageSize, total }: PaginationProps) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (pageCount <= 1) return null;
  const href = (target: number) => catalogHref(basePath, { ...params, pageSize, page: target });
  const edge = (target: number, label: string, rel: 'prev' | 'next', enabled: boolean) =>
    enabled ? (
      <Link
        href={href(target)}
        rel={rel}
        className={`${linkClass} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}
      >
        {label}
      </Link>
    ) : (
      <span aria-disabled="true" className={`${linkClass} border-slate-200 bg-slate-50 text-slate-500`}>
        {label}
      </span>
    );

  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-center gap-2">
      {edge(page - 1, 'Previous', 'prev', page > 1)}
      <ul className="flex flex-wrap items-center gap-2">
        {pageWindow(page, pageCount).map((p, index) =>
          p === null ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-slate-500">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={href(p)}
                aria-label={`Page ${p}`}
                aria-current={p === page ? 'page' : undefined}
                className={
                  p === page
                    ? `${linkClass} border-brand-700 bg-brand-700 text-white`
                    : `${linkClass} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`
                }
              >
                {p}
              </Link>
            </li>
          ),
        )}
      </ul>
      {edge(page + 1, 'Next', 'next', page < pageCount)}
    </nav>
  );
}

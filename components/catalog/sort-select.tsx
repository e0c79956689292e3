import { Button } from '@/components/ui/button';
import { DEFAULT_PAGE_SIZE, type ProductSort } from '@/lib/catalog/schema';

const SORT_LABELS: Record<ProductSort, string> = {
  relevance: 'Relevance',
  'price-asc': 'Price: low to high',
  'price-desc': 'Price: high to low',
  name: 'Name: A to Z',
  newest: 'Newest',
};

type SortSelectProps = { action: string; sort: ProductSort; q?: string; pageSize?: number };

// A plain GET form: works without JavaScript, and an explicit button means changing the select never
// navigates by surprise for keyboard and screen reader users. Changing the order starts again at page 1.
export function SortSelect({ action, sort, q, pageSize }: SortSelectProps) {
  return (
    <form action={action} method="get" className="flex items-end gap-2">
      {q ? <input type="hidden" name="q" value={q} /> : null}
      {pageSize && pageSize !== DEFAULT_PAGE_SIZE ? (
        <input type="hidden" name="pageSize" value={pageSize} />
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="sort" className="text-sm font-medium text-slate-700">
          Sort by
        </label>
        <select
          id="sort"
          name="sort"
          defaultValue={sort}
          className="h-10 rounded-lg border border-slate-300 bg-white px-3 pr-8 text-sm text-slate-900 shadow-sm"
        >
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Sort
      </Button>
    </form>
  );
}

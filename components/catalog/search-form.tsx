import { Button } from '@/components/ui/button';
import { MAX_QUERY_LENGTH } from '@/lib/catalog/schema';

type SearchFormProps = {
  /** The input's id; unique per page, since the header's form is on every page too. */
  id: string;
  /** Names the search landmark. */
  label: string;
  placeholder?: string;
  className?: string;
  inputClassName?: string;
  /** The search being shown, on the search page itself. */
  defaultValue?: string;
  /** Show "Search products" above the input instead of only to screen readers. */
  visibleLabel?: boolean;
  /** Other parameters the search keeps (the search page's sort order). */
  keep?: Record<string, string | undefined>;
};

/** A plain GET form to /search: works without JavaScript, and the URL is the search's state. */
export function SearchForm({
  id,
  label,
  placeholder,
  className = '',
  inputClassName = 'w-full',
  defaultValue,
  visibleLabel = false,
  keep = {},
}: SearchFormProps) {
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label={label}
      className={`flex items-end gap-2 ${className}`}
    >
      <div className={`flex flex-col gap-1 ${inputClassName}`}>
        <label htmlFor={id} className={visibleLabel ? 'text-sm font-medium text-slate-700' : 'sr-only'}>
          Search products
        </label>
        <input
          id={id}
          type="search"
          name="q"
          defaultValue={defaultValue}
          maxLength={MAX_QUERY_LENGTH}
          placeholder={placeholder}
          className="h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-500"
        />
      </div>
      {Object.entries(keep).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
      <Button type="submit">Search</Button>
    </form>
  );
}

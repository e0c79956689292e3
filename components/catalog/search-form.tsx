import { MAX_QUERY_LENGTH } from '@/lib/catalog/schema';

type SearchFormProps = {
  /** The input's id; unique per page, since the header's form is on every page too. */
  id: string;
  /** Names the search landmark. */
  label: string;
  placeholder: string;
  className?: string;
  inputClassName?: string;
};

/** A plain GET form to /search: works without JavaScript, and the URL is the search's state. */
export function SearchForm({
  id,
  label,
  placeholder,
  className = '',
  inputClassName = 'w-full',
}: SearchFormProps) {
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label={label}
      className={`flex gap-2 ${className}`}
    >
      <label htmlFor={id} className="sr-only">
        Search products
      </label>
      <input
        id={id}
        type="search"
        name="q"
        maxLength={MAX_QUERY_LENGTH}
        placeholder={placeholder}
        className={`h-10 rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 ${inputClassName}`}
      />
      <button
        type="submit"
        className="bg-brand-700 hover:bg-brand-800 inline-flex h-10 items-center rounded-lg px-4 text-sm font-semibold text-white"
      >
        Search
      </button>
    </form>
  );
}

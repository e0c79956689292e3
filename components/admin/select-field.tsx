import type { ComponentProps } from 'react';

type SelectFieldProps = Omit<ComponentProps<'select'>, 'name'> & {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
};

/** A labelled select in the look of the Input primitive. */
export function SelectField({ name, label, options, id, className, ...props }: SelectFieldProps) {
  const selectId = id ?? `field-${name}`;
  return (
    <div className={['flex flex-col gap-1.5', className].filter(Boolean).join(' ')}>
      <label htmlFor={selectId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={selectId}
        name={name}
        className="focus-visible:border-brand-600 focus-visible:outline-brand-600 h-10 rounded-lg border border-slate-300 bg-white px-3 pr-8 text-sm text-slate-900 shadow-sm focus-visible:outline-2"
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

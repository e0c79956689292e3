import type { ComponentProps } from 'react';

export type InputProps = Omit<ComponentProps<'input'>, 'name'> & {
  name: string;
  label: string;
  /** One message or several (a zod field error list); shown under the input and announced with it. */
  error?: string | string[];
  hint?: string;
};

/** A labelled input with its hint and error wired to aria-describedby, so screen readers read them with the field. */
export function Input({ name, label, error, hint, id, className, ...props }: InputProps) {
  const inputId = id ?? `field-${name}`;
  const messages = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = messages.length ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['flex flex-col gap-1.5', className].filter(Boolean).join(' ')}>
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={describedBy}
        className={
          'h-10 rounded-lg border bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 ' +
          'focus-visible:border-brand-600 focus-visible:outline-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 ' +
          (messages.length ? 'border-red-600' : 'border-slate-300')
        }
        {...props}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="text-sm text-red-700">
          {messages.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

import type { ComponentProps } from 'react';

type QuantitySelectProps = Omit<ComponentProps<'select'>, 'value' | 'onChange' | 'children'> & {
  value: number;
  max: number;
  onQuantity: (quantity: number) => void;
};

/** A choice of 1 to `max`: no typing, so no quantity the API would refuse for its form. */
export function QuantitySelect({ value, max, onQuantity, className, ...props }: QuantitySelectProps) {
  return (
    <select
      value={value}
      onChange={(event) => onQuantity(Number(event.target.value))}
      className={[
        'focus-visible:outline-brand-600 rounded-lg border border-slate-300 bg-white shadow-sm focus-visible:outline-2',
        className,
      ]
        .filter(Boolean)
        .join(' ')}
      {...props}
    >
      {Array.from({ length: Math.max(1, max) }, (_, index) => index + 1).map((quantity) => (
        <option key={quantity} value={quantity}>
          {quantity}
        </option>
      ))}
    </select>
  );
}

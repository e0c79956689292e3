import type { Step } from './use-checkout';

const STEPS: { id: Step; label: string }[] = [
  { id: 'address', label: 'Shipping address' },
  { id: 'payment', label: 'Payment' },
  { id: 'review', label: 'Review' },
];

export function Stepper({ step }: { step: Step }) {
  const current = STEPS.findIndex((item) => item.id === step);
  return (
    <ol className="flex flex-wrap gap-2 text-sm" aria-label="Checkout steps">
      {STEPS.map((item, index) => (
        <li
          key={item.id}
          aria-current={index === current ? 'step' : undefined}
          className={
            'flex items-center gap-2 rounded-full px-3 py-1.5 font-medium ' +
            (index === current
              ? 'bg-brand-700 text-white'
              : index < current
                ? 'bg-brand-50 text-brand-800'
                : 'bg-slate-100 text-slate-600')
          }
        >
          <span aria-hidden="true">{index + 1}.</span> {item.label}
        </li>
      ))}
    </ol>
  );
}

import type { ComponentProps } from 'react';

export function Card({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      className={['rounded-2xl border border-slate-200 bg-white shadow-sm', className]
        .filter(Boolean)
        .join(' ')}
      {...props}
    />
  );
}

export function CardHeader({ className, ...props }: ComponentProps<'div'>) {
  return <div className={['flex flex-col gap-1 p-6 pb-0', className].filter(Boolean).join(' ')} {...props} />;
}

export function CardTitle({ className, ...props }: ComponentProps<'h2'>) {
  return (
    <h2
      className={['text-lg font-semibold text-slate-900', className].filter(Boolean).join(' ')}
      {...props}
    />
  );
}

export function CardContent({ className, ...props }: ComponentProps<'div'>) {
  return <div className={['p-6', className].filter(Boolean).join(' ')} {...props} />;
}

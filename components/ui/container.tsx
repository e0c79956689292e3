import type { ComponentProps } from 'react';

/** The page's horizontal frame: one max width and gutter for header, content and footer alike. */
export function Container({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      className={['mx-auto w-full max-w-7xl px-4 sm:px-6 lg:px-8', className].filter(Boolean).join(' ')}
      {...props}
    />
  );
}

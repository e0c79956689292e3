'use client';

import Link from 'next/link';
import { useVisitor } from '@/components/visitor/visitor-store';

function BagIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      className="size-6"
    >
      <path d="M6 7h12l-1 13H7L6 7Z" strokeLinejoin="round" />
      <path d="M9 7a3 3 0 0 1 6 0" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The header's cart link with its count. The page around it may be cached HTML shared by everyone, so the count
 * comes from the visitor store: GET /api/session, then every change the cart API answered.
 */
export function CartCount() {
  const count = useVisitor().cartCount;

  const label = count === null ? 'Cart' : `Cart, ${count} ${count === 1 ? 'item' : 'items'}`;
  return (
    <Link
      href="/cart"
      aria-label={label}
      data-testid="cart-link"
      className="relative inline-flex size-10 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100 hover:text-slate-900"
    >
      <BagIcon />
      <span
        data-testid="cart-count"
        className={
          'bg-brand-700 absolute -top-0.5 -right-0.5 min-w-5 rounded-full px-1 text-center text-xs leading-5 font-semibold text-white ' +
          (count ? '' : 'invisible')
        }
      >
        {count ?? 0}
      </span>
    </Link>
  );
}

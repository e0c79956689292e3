'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { refreshSession, useSession, type SessionState } from '@/components/session/session-provider';
import { CART_CHANGED_EVENT, type Cart } from './cart-api';

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
 * arrives with the visitor from GET /api/session, and follows every change announced by the cart components.
 */
export function CartCount() {
  const session = useSession();
  // A change announced since the session last arrived wins over the count that came with it.
  const [changed, setChanged] = useState<{ count: number; since: SessionState } | null>(null);
  const count =
    changed?.since === session ? changed.count : session.status === 'ready' ? session.cartCount : null;

  useEffect(() => {
    // A change that carries the new cart shows at once. Either way the visitor is asked for again: an answer already
    // on its way (the page's first, still loading) was read before this change and would bring the old count back;
    // asking again drops it.
    const onChange = (event: Event) => {
      const cart = (event as CustomEvent<Cart | undefined>).detail;
      if (cart) setChanged({ count: cart.itemCount, since: session });
      refreshSession();
    };
    window.addEventListener(CART_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(CART_CHANGED_EVENT, onChange);
  }, [session]);

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

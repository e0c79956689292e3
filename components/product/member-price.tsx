'use client';

import { useVisitor } from '@/components/visitor/visitor-store';
import { formatPrice, PREMIUM_DISCOUNT_PERCENT, tierUnitPriceCents } from '@/lib/pricing';

/**
 * The product page's line under the list price: a premium member's own price once the session says who is looking,
 * an invitation otherwise. The line keeps one height in every state, so the page does not move when it fills in.
 */
export function MemberPrice({ priceCents, currency }: { priceCents: number; currency: string }) {
  const { status, user } = useVisitor();
  const premiumPrice = formatPrice(tierUnitPriceCents(priceCents, 'premium'), currency);
  let line: React.ReactNode;
  if (status === 'loading') {
    line = <span aria-hidden="true" className="inline-block h-4 w-56 rounded bg-slate-100 align-middle" />;
  } else if (user?.tier === 'premium') {
    line = (
      <span className="text-brand-800 font-semibold" data-testid="premium-price">
        Your premium price: {premiumPrice} ({PREMIUM_DISCOUNT_PERCENT}% off)
      </span>
    );
  } else {
    line = (
      <span className="text-slate-600">
        Premium members pay {premiumPrice} ({PREMIUM_DISCOUNT_PERCENT}% off)
      </span>
    );
  }
  return <p className="h-6 text-sm leading-6">{line}</p>;
}

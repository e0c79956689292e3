import {
  FLAT_SHIPPING_CENTS,
  FREE_SHIPPING_THRESHOLD_CENTS,
  formatPrice,
  PREMIUM_DISCOUNT_PERCENT,
  type Totals,
} from '@/lib/pricing';

type CartSummaryProps = {
  totals: Totals;
  currency: string;
  /** The shopper's tier now; left out for an order, whose totals stand as charged. */
  tier?: 'standard' | 'premium';
  updating?: boolean;
};

/** The shipping rule in words, from the same constants the server prices with. */
export function shippingRule(currency: string): string {
  return (
    `Standard members pay ${formatPrice(FLAT_SHIPPING_CENTS, currency)} shipping on orders under ` +
    `${formatPrice(FREE_SHIPPING_THRESHOLD_CENTS, currency)}, and nothing from there up. Premium members get ` +
    `${PREMIUM_DISCOUNT_PERCENT}% off and free shipping on every order.`
  );
}

/** Subtotal, discount, shipping and total, as the server computed them. */
export function CartSummary({ totals, currency, tier, updating = false }: CartSummaryProps) {
  const money = (cents: number) => formatPrice(cents, currency);
  return (
    <dl
      className={'flex flex-col gap-3 text-sm transition-opacity ' + (updating ? 'opacity-60' : '')}
      aria-busy={updating}
    >
      <div className="flex justify-between">
        <dt className="text-slate-600">Subtotal</dt>
        <dd className="font-medium text-slate-900" data-testid="subtotal">
          {money(totals.subtotalCents)}
        </dd>
      </div>
      {totals.discountCents > 0 ? (
        <div className="flex justify-between">
          <dt className="text-slate-600">Premium discount ({PREMIUM_DISCOUNT_PERCENT}%)</dt>
          <dd className="font-medium text-emerald-800" data-testid="discount">
            −{money(totals.discountCents)}
          </dd>
        </div>
      ) : null}
      <div className="flex justify-between">
        <dt className="text-slate-600">Shipping{tier === 'premium' ? ' (Premium)' : ''}</dt>
        <dd className="font-medium text-slate-900" data-testid="shipping">
          {totals.shippingCents === 0 ? 'Free' : money(totals.shippingCents)}
        </dd>
      </div>
      <div className="flex justify-between border-t border-slate-200 pt-3 text-base">
        <dt className="font-semibold text-slate-900">Total</dt>
        <dd className="font-bold text-slate-900" data-testid="total">
          {money(totals.totalCents)}
        </dd>
      </div>
    </dl>
  );
}

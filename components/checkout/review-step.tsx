import type { Cart } from '@/components/cart/cart-api';
import { AddressLines } from '@/components/orders/address-lines';
import { Button, LinkButton } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import type { ShippingAddress } from '@/lib/orders/schema';
import { cardBrand, cardDigits, cardLast4 } from '@/lib/payments/card';
import { formatPrice } from '@/lib/pricing';
import type { CardForm, Problem } from './use-checkout';

type ReviewStepProps = {
  cart: Cart;
  address: ShippingAddress;
  card: CardForm;
  problem: Problem | null;
  placing: boolean;
  onPlace: () => void;
  onChangeCard: () => void;
};

export function ReviewStep({
  cart,
  address,
  card,
  problem,
  placing,
  onPlace,
  onChangeCard,
}: ReviewStepProps) {
  const money = (cents: number) => formatPrice(cents, cart.currency);
  const digits = cardDigits(card.number);
  return (
    <Card>
      <CardContent className="flex flex-col gap-5">
        <h2 className="text-lg font-semibold text-slate-900">Review your order</h2>
        <ul className="divide-y divide-slate-100 text-sm">
          {cart.items.map((item) => (
            <li key={item.productId} className="flex justify-between gap-4 py-2">
              <span>
                {item.name} × {item.quantity}
              </span>
              <span className="font-medium">{money(item.lineTotalCents)}</span>
            </li>
          ))}
        </ul>
        <div className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <h3 className="font-semibold text-slate-900">Ship to</h3>
            <p className="text-slate-700">
              <AddressLines address={address} />
            </p>
          </div>
          <div>
            <h3 className="font-semibold text-slate-900">Pay with</h3>
            <p className="text-slate-700 capitalize">
              {cardBrand(digits)} ending in {cardLast4(digits)}
            </p>
          </div>
        </div>
        {problem ? (
          <div
            role="alert"
            className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
            data-testid="checkout-error"
          >
            <p>{problem.message}</p>
            {problem.details.length ? (
              <ul className="mt-2 list-disc pl-5">
                {problem.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <Button
            size="lg"
            onClick={onPlace}
            disabled={placing}
            aria-disabled={placing}
            data-testid="place-order"
          >
            {placing ? 'Placing order…' : `Place order · ${money(cart.totalCents)}`}
          </Button>
          <Button variant="ghost" size="lg" onClick={onChangeCard} disabled={placing}>
            Change card
          </Button>
          {problem?.details.length ? (
            <LinkButton href="/cart" variant="secondary" size="lg">
              Update cart
            </LinkButton>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}

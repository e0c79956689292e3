'use client';

import type { Cart } from '@/components/cart/cart-api';
import { CartSummary } from '@/components/cart/cart-summary';
import { Card, CardContent } from '@/components/ui/card';
import type { ShippingAddress } from '@/lib/orders/schema';
import { AddressStep } from './address-step';
import { PaymentStep } from './payment-step';
import { ReviewStep } from './review-step';
import { Stepper } from './stepper';
import { useCheckout } from './use-checkout';

type CheckoutFlowProps = { cart: Cart; savedAddress: ShippingAddress | null };

/** The checkout's three steps in the browser, beside the order summary; the state and submits are useCheckout's. */
export function CheckoutFlow({ cart, savedAddress }: CheckoutFlowProps) {
  const checkout = useCheckout(savedAddress);
  const { step, setStep } = checkout;
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <div className="flex flex-col gap-6">
        <Stepper step={step} />
        {step === 'address' ? (
          <AddressStep
            address={checkout.address}
            errors={checkout.addressErrors}
            saved={savedAddress !== null}
            onAddress={checkout.setAddress}
            onSubmit={checkout.submitAddress}
          />
        ) : null}
        {step === 'payment' ? (
          <PaymentStep
            card={checkout.card}
            errors={checkout.cardErrors}
            onCard={checkout.setCard}
            onSubmit={checkout.submitPayment}
            onBack={() => setStep('address')}
          />
        ) : null}
        {step === 'review' ? (
          <ReviewStep
            cart={cart}
            address={checkout.address}
            card={checkout.card}
            problem={checkout.problem}
            placing={checkout.placing}
            onPlace={checkout.placeOrder}
            onChangeCard={() => setStep('payment')}
          />
        ) : null}
      </div>

      <aside aria-labelledby="checkout-summary-heading">
        <Card>
          <CardContent className="flex flex-col gap-4">
            <h2 id="checkout-summary-heading" className="text-lg font-semibold text-slate-900">
              Order summary
            </h2>
            <p className="text-sm text-slate-600">
              {cart.itemCount} {cart.itemCount === 1 ? 'item' : 'items'}
            </p>
            <CartSummary totals={cart} currency={cart.currency} tier={cart.tier} />
          </CardContent>
        </Card>
      </aside>
    </div>
  );
}

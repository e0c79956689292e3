'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import type { Cart } from '@/components/cart/cart-api';
import { CartSummary } from '@/components/cart/cart-summary';
import { Button, LinkButton } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { cartChanged } from '@/components/visitor/visitor-store';
import { AddressLines } from '@/components/orders/address-lines';
import { checkCheckoutStep } from '@/lib/orders/actions';
import type { ShippingAddress } from '@/lib/orders/schema';
import { cardBrand, cardDigits, cardLast4 } from '@/lib/payments/card';
import type { CardInput } from '@/lib/payments/schema';
import { formatPrice } from '@/lib/pricing';

type Step = 'address' | 'payment' | 'review';
type Errors = Record<string, string[] | undefined>;
type CardForm = { number: string; expMonth: string; expYear: string; cvc: string };

const STEPS: { id: Step; label: string }[] = [
  { id: 'address', label: 'Shipping address' },
  { id: 'payment', label: 'Payment' },
  { id: 'review', label: 'Review' },
];

const EMPTY_ADDRESS: ShippingAddress = {
  name: '',
  line1: '',
  line2: '',
  city: '',
  postalCode: '',
  country: '',
};

/** One random key per checkout attempt (crypto.getRandomValues works on plain http too, randomUUID does not). */
function newAttemptKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function toCard(form: CardForm): CardInput {
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
  return {
    number: form.number,
    expMonth: number(form.expMonth),
    expYear: number(form.expYear),
    cvc: form.cvc.trim(),
  };
}

/** Field errors under `prefix.` in an API answer, keyed by the field's own name. */
function fieldsUnder(fields: Record<string, string[]>, prefix: string): Errors {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([key]) => key.startsWith(`${prefix}.`))
      .map(([key, messages]) => [key.slice(prefix.length + 1), messages]),
  );
}

function Stepper({ step }: { step: Step }) {
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

type CheckoutFlowProps = { cart: Cart; savedAddress: ShippingAddress | null };

/**
 * The checkout's three steps in the browser. Each step is checked by the API's own schemas (a server action); the order is placed
 * by POST /api/checkout with an Idempotency-Key made once per attempt, so a double click or a retry after a lost
 * answer can only ever make one order.
 */
export function CheckoutFlow({ cart, savedAddress }: CheckoutFlowProps) {
  const router = useRouter();
  const [step, setStep] = useState<Step>('address');
  const [address, setAddress] = useState<ShippingAddress>(savedAddress ?? EMPTY_ADDRESS);
  const [addressErrors, setAddressErrors] = useState<Errors>({});
  const [card, setCard] = useState<CardForm>({ number: '', expMonth: '', expYear: '', cvc: '' });
  const [cardErrors, setCardErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<{ message: string; details: string[] } | null>(null);
  const [placing, setPlacing] = useState(false);
  const placingRef = useRef(false);
  const attemptKey = useRef<string | null>(null);
  const money = (cents: number) => formatPrice(cents, cart.currency);

  async function submitAddress(event: FormEvent) {
    event.preventDefault();
    const errors = await checkCheckoutStep('address', address);
    setAddressErrors(errors);
    if (Object.keys(errors).length === 0) setStep('payment');
  }

  async function submitPayment(event: FormEvent) {
    event.preventDefault();
    const errors = await checkCheckoutStep('payment', toCard(card));
    setCardErrors(errors);
    if (Object.keys(errors).length) return;
    setProblem(null);
    setStep('review');
  }

  async function placeOrder() {
    if (placingRef.current) return;
    placingRef.current = true;
    setPlacing(true);
    setProblem(null);
    attemptKey.current ??= newAttemptKey();
    let response: Response;
    let body: {
      order?: { id: string };
      error?: { code: string; message: string; fields?: Record<string, string[]> };
    };
    try {
      response = await fetch('/api/checkout', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': attemptKey.current },
        body: JSON.stringify({ shippingAddress: address, card: toCard(card) }),
      });
      body = await response.json();
    } catch {
      // The order may or may not exist: the same key is kept, so trying again finds it rather than making another.
      placingRef.current = false;
      setPlacing(false);
      setProblem({
        message: 'The connection dropped. Try again: you will not be charged twice.',
        details: [],
      });
      return;
    }
    if (response.status === 201 && body.order) {
      cartChanged();
      router.push(`/orders/${body.order.id}?placed=1`);
      return;
    }
    // A definite refusal: the next attempt is a new one, with a new key.
    attemptKey.current = null;
    placingRef.current = false;
    setPlacing(false);
    const error = body.error ?? { code: 'error', message: 'Something went wrong. Please try again.' };
    if (response.status === 401) {
      router.push('/login?next=/checkout');
      return;
    }
    if (error.code === 'validation_failed' && error.fields) {
      const addressFields = fieldsUnder(error.fields, 'shippingAddress');
      setAddressErrors(addressFields);
      setCardErrors(fieldsUnder(error.fields, 'card'));
      setStep(Object.keys(addressFields).length ? 'address' : 'payment');
      return;
    }
    setProblem({
      message: error.message,
      details: error.code === 'out_of_stock' ? Object.values(error.fields ?? {}).flat() : [],
    });
  }

  const digits = cardDigits(card.number);

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <div className="flex flex-col gap-6">
        <Stepper step={step} />

        {step === 'address' ? (
          <Card>
            <CardContent>
              <form
                noValidate
                onSubmit={submitAddress}
                className="flex flex-col gap-4"
                aria-labelledby="address-heading"
              >
                <h2 id="address-heading" className="text-lg font-semibold text-slate-900">
                  Shipping address
                </h2>
                {savedAddress ? (
                  <p className="text-sm text-slate-600">Filled in from your last order.</p>
                ) : null}
                <Input
                  name="name"
                  label="Full name"
                  autoComplete="name"
                  value={address.name}
                  error={addressErrors.name}
                  onChange={(e) => setAddress({ ...address, name: e.target.value })}
                />
                <Input
                  name="line1"
                  label="Street address"
                  autoComplete="address-line1"
                  value={address.line1}
                  error={addressErrors.line1}
                  onChange={(e) => setAddress({ ...address, line1: e.target.value })}
                />
                <Input
                  name="line2"
                  label="Apartment, suite (optional)"
                  autoComplete="address-line2"
                  value={address.line2 ?? ''}
                  error={addressErrors.line2}
                  onChange={(e) => setAddress({ ...address, line2: e.target.value })}
                />
                <div className="grid gap-4 sm:grid-cols-2">
                  <Input
                    name="city"
                    label="City"
                    autoComplete="address-level2"
                    value={address.city}
                    error={addressErrors.city}
                    onChange={(e) => setAddress({ ...address, city: e.target.value })}
                  />
                  <Input
                    name="postalCode"
                    label="Postal code"
                    autoComplete="postal-code"
                    value={address.postalCode}
                    error={addressErrors.postalCode}
                    onChange={(e) => setAddress({ ...address, postalCode: e.target.value })}
                  />
                </div>
                <Input
                  name="country"
                  label="Country"
                  autoComplete="country-name"
                  value={address.country}
                  error={addressErrors.country}
                  onChange={(e) => setAddress({ ...address, country: e.target.value })}
                />
                <Button type="submit" size="lg" className="self-start">
                  Continue to payment
                </Button>
              </form>
            </CardContent>
          </Card>
        ) : null}

        {step === 'payment' ? (
          <Card>
            <CardContent>
              <form
                noValidate
                onSubmit={submitPayment}
                className="flex flex-col gap-4"
                aria-labelledby="payment-heading"
              >
                <h2 id="payment-heading" className="text-lg font-semibold text-slate-900">
                  Payment
                </h2>
                <div
                  className="border-brand-200 bg-brand-50 text-brand-900 rounded-lg border px-4 py-3 text-sm"
                  data-testid="test-cards"
                >
                  <p className="font-semibold">Demo payments: no real card is charged.</p>
                  <p>
                    Use <span className="font-mono">4242 4242 4242 4242</span> to have the payment approved,
                    or <span className="font-mono">4000 0000 0000 0002</span> to see it declined, with any
                    future expiry date and any 3-digit code. We keep only the card brand and its last 4
                    digits.
                  </p>
                </div>
                <Input
                  name="cardNumber"
                  label="Card number"
                  inputMode="numeric"
                  autoComplete="cc-number"
                  value={card.number}
                  error={cardErrors.number}
                  onChange={(e) => setCard({ ...card, number: e.target.value })}
                />
                <div className="grid gap-4 sm:grid-cols-3">
                  <Input
                    name="expMonth"
                    label="Expiry month (MM)"
                    inputMode="numeric"
                    autoComplete="cc-exp-month"
                    value={card.expMonth}
                    error={cardErrors.expMonth}
                    onChange={(e) => setCard({ ...card, expMonth: e.target.value })}
                  />
                  <Input
                    name="expYear"
                    label="Expiry year (YYYY)"
                    inputMode="numeric"
                    autoComplete="cc-exp-year"
                    value={card.expYear}
                    error={cardErrors.expYear}
                    onChange={(e) => setCard({ ...card, expYear: e.target.value })}
                  />
                  <Input
                    name="cvc"
                    label="Security code"
                    inputMode="numeric"
                    autoComplete="cc-csc"
                    value={card.cvc}
                    error={cardErrors.cvc}
                    onChange={(e) => setCard({ ...card, cvc: e.target.value })}
                  />
                </div>
                <div className="flex flex-wrap gap-3">
                  <Button type="submit" size="lg">
                    Review order
                  </Button>
                  <Button variant="ghost" size="lg" onClick={() => setStep('address')}>
                    Back to address
                  </Button>
                </div>
              </form>
            </CardContent>
          </Card>
        ) : null}

        {step === 'review' ? (
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
                  onClick={placeOrder}
                  disabled={placing}
                  aria-disabled={placing}
                  data-testid="place-order"
                >
                  {placing ? 'Placing order…' : `Place order · ${money(cart.totalCents)}`}
                </Button>
                <Button variant="ghost" size="lg" onClick={() => setStep('payment')} disabled={placing}>
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

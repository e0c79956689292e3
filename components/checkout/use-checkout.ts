import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { cartChanged } from '@/components/visitor/visitor-store';
import type { ErrorBody } from '@/lib/http/errors';
import { checkCheckoutStep } from '@/lib/orders/actions';
import type { ShippingAddress } from '@/lib/orders/schema';
import type { CardInput } from '@/lib/payments/schema';

export type Step = 'address' | 'payment' | 'review';
export type Errors = Record<string, string[] | undefined>;
export type CardForm = { number: string; expMonth: string; expYear: string; cvc: string };
export type Problem = { message: string; details: string[] };

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

/**
 * The checkout's state and its submit machine. Each step is checked by the API's own schemas (a server action);
 * the order is placed by POST /api/checkout with an Idempotency-Key made once per attempt, so a double click or a
 * retry after a lost answer can only ever make one order.
 */
export function useCheckout(savedAddress: ShippingAddress | null) {
  const router = useRouter();
  const [step, setStep] = useState<Step>('address');
  const [address, setAddress] = useState<ShippingAddress>(savedAddress ?? EMPTY_ADDRESS);
  const [addressErrors, setAddressErrors] = useState<Errors>({});
  const [card, setCard] = useState<CardForm>({ number: '', expMonth: '', expYear: '', cvc: '' });
  const [cardErrors, setCardErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [placing, setPlacing] = useState(false);
  const placingRef = useRef(false);
  const attemptKey = useRef<string | null>(null);

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
    let body: { order?: { id: string } } & Partial<ErrorBody>;
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
    const error = body.error ?? {
      code: 'internal_error',
      message: 'Something went wrong. Please try again.',
    };
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

  return {
    step,
    setStep,
    address,
    setAddress,
    addressErrors,
    card,
    setCard,
    cardErrors,
    problem,
    placing,
    submitAddress,
    submitPayment,
    placeOrder,
  };
}

/** One input's wiring to a form's values and errors: its name, value, error list and change. */
export function fieldOf<T extends Record<string, string | undefined>>(
  values: T,
  errors: Errors,
  onValues: (next: T) => void,
) {
  return (key: keyof T & string, name: string = key) => ({
    name,
    value: values[key] ?? '',
    error: errors[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      onValues({ ...values, [key]: event.target.value }),
  });
}

import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { StepForm } from './step-form';
import { fieldOf, type CardForm, type Errors } from './use-checkout';

type PaymentStepProps = {
  card: CardForm;
  errors: Errors;
  onCard: (card: CardForm) => void;
  onSubmit: (event: FormEvent) => void;
  onBack: () => void;
};

export function PaymentStep({ card, errors, onCard, onSubmit, onBack }: PaymentStepProps) {
  const field = fieldOf(card, errors, onCard);
  return (
    <StepForm id="payment-heading" title="Payment" onSubmit={onSubmit}>
      <div
        className="border-brand-200 bg-brand-50 text-brand-900 rounded-lg border px-4 py-3 text-sm"
        data-testid="test-cards"
      >
        <p className="font-semibold">Demo payments: no real card is charged.</p>
        <p>
          Use <span className="font-mono">4242 4242 4242 4242</span> to have the payment approved, or{' '}
          <span className="font-mono">4000 0000 0000 0002</span> to see it declined, with any future expiry
          date and any 3-digit code. We keep only the card brand and its last 4 digits.
        </p>
      </div>
      <Input
        label="Card number"
        inputMode="numeric"
        autoComplete="cc-number"
        {...field('number', 'cardNumber')}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Input
          label="Expiry month (MM)"
          inputMode="numeric"
          autoComplete="cc-exp-month"
          {...field('expMonth')}
        />
        <Input
          label="Expiry year (YYYY)"
          inputMode="numeric"
          autoComplete="cc-exp-year"
          {...field('expYear')}
        />
        <Input label="Security code" inputMode="numeric" autoComplete="cc-csc" {...field('cvc')} />
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" size="lg">
          Review order
        </Button>
        <Button variant="ghost" size="lg" onClick={onBack}>
          Back to address
        </Button>
      </div>
    </StepForm>
  );
}

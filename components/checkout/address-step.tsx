import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { ShippingAddress } from '@/lib/orders/schema';
import { StepForm } from './step-form';
import { fieldOf, type Errors } from './use-checkout';

type AddressStepProps = {
  address: ShippingAddress;
  errors: Errors;
  saved: boolean;
  onAddress: (address: ShippingAddress) => void;
  onSubmit: (event: FormEvent) => void;
};

export function AddressStep({ address, errors, saved, onAddress, onSubmit }: AddressStepProps) {
  const field = fieldOf(address, errors, onAddress);
  return (
    <StepForm id="address-heading" title="Shipping address" onSubmit={onSubmit}>
      {saved ? <p className="text-sm text-slate-600">Filled in from your last order.</p> : null}
      <Input label="Full name" autoComplete="name" {...field('name')} />
      <Input label="Street address" autoComplete="address-line1" {...field('line1')} />
      <Input label="Apartment, suite (optional)" autoComplete="address-line2" {...field('line2')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label="City" autoComplete="address-level2" {...field('city')} />
        <Input label="Postal code" autoComplete="postal-code" {...field('postalCode')} />
      </div>
      <Input label="Country" autoComplete="country-name" {...field('country')} />
      <Button type="submit" size="lg" className="self-start">
        Continue to payment
      </Button>
    </StepForm>
  );
}

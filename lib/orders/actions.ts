'use server';

import { z } from 'zod';
import { cardSchema } from '@/lib/payments/schema';
import { shippingAddressSchema } from './schema';

// The checkout form's steps, checked by the API's own schemas on the server, so zod stays out of the browser
// (its eval probe breaks the CSP). Only the input is read: no session, no data, nothing changes.

type CheckoutStep = 'address' | 'payment';

/** The field errors of one step's input, keyed by field; empty when it may go on. */
export async function checkCheckoutStep(
  step: CheckoutStep,
  input: unknown,
): Promise<Record<string, string[] | undefined>> {
  const schema: z.ZodType | null =
    step === 'address' ? shippingAddressSchema : step === 'payment' ? cardSchema : null;
  if (!schema) return { _: ['Unknown checkout step.'] };
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
}

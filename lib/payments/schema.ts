import { z } from 'zod';
import { cardDigits, passesLuhn, TEST_CARDS } from './card';

// The card as the checkout form sends it and the payments service reads it; checked by the API and, for the form,
// by a server action (lib/orders/actions.ts). The number never reaches the database: orders keep the brand and the
// last 4 digits.

export { cardBrand, cardLast4, TEST_CARDS } from './card';

export const cardSchema = z
  .object({
    number: z
      .string({ error: 'Enter the card number.' })
      // On the input side: the API document describes what is sent.
      .meta({
        description: '12 to 19 digits (spaces and dashes are ignored) that pass the Luhn check.',
        examples: [TEST_CARDS.approved, TEST_CARDS.declined],
      })
      .transform(cardDigits)
      .pipe(
        z
          .string()
          .regex(/^\d{12,19}$/, 'Enter the 12 to 19 digits of the card number.')
          .refine(passesLuhn, 'This card number is not valid. Check the digits.'),
      ),
    expMonth: z
      .number({ error: 'Enter the expiry month.' })
      .int('Enter the expiry month.')
      .min(1, 'Enter a month from 1 to 12.')
      .max(12, 'Enter a month from 1 to 12.'),
    expYear: z
      .number({ error: 'Enter the expiry year.' })
      .int('Enter the expiry year.')
      .min(2000, 'Enter the year with four digits.')
      .max(2100, 'Enter the year with four digits.'),
    cvc: z.string({ error: 'Enter the security code.' }).regex(/^\d{3,4}$/, 'Enter the 3 or 4 digits.'),
  })
  .superRefine((card, context) => {
    const now = new Date();
    const expired =
      card.expYear < now.getUTCFullYear() ||
      (card.expYear === now.getUTCFullYear() && card.expMonth < now.getUTCMonth() + 1);
    if (expired) context.addIssue({ code: 'custom', path: ['expYear'], message: 'This card has expired.' });
  });

export type CardInput = z.input<typeof cardSchema>;
export type Card = z.output<typeof cardSchema>;

/** What the checkout asks the payments service for. */
export const paymentRequestSchema = z.object({
  amountCents: z.number().int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** The order being paid, so a charge can be traced to it. */
  orderId: z.string().min(1).max(100),
  card: cardSchema,
});

export type PaymentRequest = z.input<typeof paymentRequestSchema>;
export type ParsedPaymentRequest = z.output<typeof paymentRequestSchema>;

export const paymentResultSchema = z.object({
  status: z.enum(['approved', 'declined']),
  reference: z.string().min(1),
});

export type PaymentResult = z.infer<typeof paymentResultSchema>;

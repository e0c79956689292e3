import 'server-only';
import { randomBytes } from 'node:crypto';
import { TEST_CARDS, type ParsedPaymentRequest, type PaymentResult } from './schema';

// The demo payments service behind POST /api/internal/payments: it decides from the card number alone, like a
// payment provider's test mode. 4242 4242 4242 4242 is approved; every other card, 4000 0000 0000 0002
// included, is declined. No card data is stored anywhere.

export function authorizePayment(request: ParsedPaymentRequest): PaymentResult {
  const reference = `pay_${randomBytes(12).toString('hex')}`;
  return { status: request.card.number === TEST_CARDS.approved ? 'approved' : 'declined', reference };
}

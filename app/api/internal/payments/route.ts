import { apiHandler, parseJsonBody } from '@/lib/http/handler';
import { AppError } from '@/lib/http/errors';
import { authorizePayment } from '@/lib/payments/service';
import { paymentRequestSchema } from '@/lib/payments/schema';
import { bearerToken, verifyServiceToken } from '@/lib/payments/token';
import { jsonAnswer } from '@/lib/http/no-store';

// The payments service, reached by the checkout over HTTP with a short-lived service JWT and nothing else: no
// session cookie counts here, and a browser has no way to get a token. No CSRF check either: no cookie rides on it.
export const POST = apiHandler(async (request: Request) => {
  const token = bearerToken(request.headers.get('authorization'));
  if (!token || !(await verifyServiceToken(token))) {
    throw new AppError('unauthenticated', 'A valid service token is required.', {
      headers: { 'WWW-Authenticate': 'Bearer realm="payments"' },
    });
  }
  const payment = await parseJsonBody(request, paymentRequestSchema);
  return jsonAnswer(authorizePayment(payment));
});

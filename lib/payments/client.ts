import 'server-only';
import { paymentsUrl } from '@/lib/env';
import { paymentResultSchema, type PaymentRequest, type PaymentResult } from './schema';
import { signServiceToken } from './token';

// The checkout's side of the payments service: one HTTP call with a fresh service token. `send` is fetch in the
// app; tests hand it the route handler itself, which is the same request and response without a socket.

type PaymentSender = (request: Request) => Promise<Response>;

export class PaymentServiceError extends Error {
  override name = 'PaymentServiceError';
}

export type PaymentsClient = { charge(request: PaymentRequest): Promise<PaymentResult> };

export function createPaymentsClient(options: { url?: string; send?: PaymentSender } = {}): PaymentsClient {
  const send: PaymentSender = options.send ?? ((request) => fetch(request));
  return {
    async charge(payment) {
      const request = new Request(options.url ?? paymentsUrl(), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await signServiceToken()}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(payment),
        signal: AbortSignal.timeout(10_000),
      });
      let response: Response;
      try {
        response = await send(request);
      } catch (error) {
        throw new PaymentServiceError(`The payments service is unreachable: ${String(error)}`);
      }
      if (!response.ok) throw new PaymentServiceError(`The payments service answered ${response.status}.`);
      const parsed = paymentResultSchema.safeParse(await response.json().catch(() => null));
      if (!parsed.success)
        throw new PaymentServiceError('The payments service answered something unreadable.');
      return parsed.data;
    },
  };
}

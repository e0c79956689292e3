import { SignJWT, base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { paymentsSecrets } from '@/lib/env';
import { TEST_CARDS } from '@/lib/payments/schema';
import { signServiceToken, verifyServiceToken } from '@/lib/payments/token';
import { POST as pay } from './route';

const key = () => new TextEncoder().encode(paymentsSecrets()[0]);
const nextYear = new Date().getUTCFullYear() + 1;
const payment = (number: string) => ({
  amountCents: 1234,
  currency: 'USD',
  orderId: 'order-1',
  card: { number, expMonth: 12, expYear: nextYear, cvc: '123' },
});

function call(token: string | null, body: unknown = payment(TEST_CARDS.approved)) {
  return pay(
    new Request('http://shop.test/api/internal/payments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }),
  );
}

function claims(overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return { iss: 'storefront', aud: 'payments', iat: now, exp: now + 30, jti: 'test', ...overrides };
}

const signed = (payload: Record<string, unknown>, secret: Uint8Array = key(), alg = 'HS256') =>
  new SignJWT(payload).setProtectedHeader({ alg }).sign(secret);

describe('POST /api/internal/payments', () => {
  it('approves 4242 4242 4242 4242 and declines 4000 0000 0000 0002 with a valid service token', async () => {
    const approved = await call(await signServiceToken(), payment('4242 4242 4242 4242'));
    expect(approved.status).toBe(200);
    expect(await approved.json()).toEqual({ status: 'approved', reference: expect.stringMatching(/^pay_/) });
    const declined = await call(await signServiceToken(), payment('4000 0000 0000 0002'));
    expect((await declined.json()).status).toBe('declined');
  });

  it('answers 400 with fields for a bad card', async () => {
    const response = await call(await signServiceToken(), payment('4242 4242 4242 4241'));
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).error.fields)).toEqual(['card.number']);
  });

  it('answers 401 without a token or with something that is not one', async () => {
    expect((await call(null)).status).toBe(401);
    expect((await call('not-a-jwt')).status).toBe(401);
  });

  it('refuses alg "none"', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const body = base64url.encode(JSON.stringify(claims()));
    expect((await call(`${header}.${body}.`)).status).toBe(401);
  });

  it('refuses another key, another algorithm and a changed payload', async () => {
    const otherKey = new TextEncoder().encode('another-key-another-key-another-key-0001');
    expect((await call(await signed(claims(), otherKey))).status).toBe(401);
    expect((await call(await signed(claims(), key(), 'HS512'))).status).toBe(401);
    const [header, , signature] = (await signServiceToken()).split('.');
    const changed = base64url.encode(JSON.stringify(claims({ exp: Math.floor(Date.now() / 1000) + 50 })));
    expect((await call(`${header}.${changed}.${signature}`)).status).toBe(401);
  });

  it('refuses a wrong audience or issuer, an expired token, and one valid for more than 60 seconds', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await call(await signed(claims({ aud: 'orders' })))).status).toBe(401);
    expect((await call(await signed(claims({ iss: 'someone-else' })))).status).toBe(401);
    expect((await call(await signed(claims({ iat: now - 120, exp: now - 60 })))).status).toBe(401);
    expect((await call(await signed(claims({ exp: now + 3600 })))).status).toBe(401);
    expect((await call(await signed(claims({ jti: undefined })))).status).toBe(401);
  });

  it('accepts a token signed with an older key still listed (rotation)', async () => {
    const old = 'old-payments-key-old-payments-key-0001';
    const token = await signServiceToken({ secrets: [old] });
    expect(await verifyServiceToken(token, ['new-payments-key-new-payments-key-0002', old])).toBe(true);
    expect(await verifyServiceToken(token, ['new-payments-key-new-payments-key-0002'])).toBe(false);
  });
});

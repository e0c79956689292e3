import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { assertSameOrigin, requestOrigin } from './csrf';
import { mutationHandler } from './handler';

function request(
  method: string,
  headers: Record<string, string>,
  url = 'http://shop.example/api/auth/login',
) {
  return new Request(url, { method, headers: { host: new URL(url).host, ...headers } });
}

function rejection(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'unexpected';
  }
}

describe('assertSameOrigin', () => {
  it('allows a same-origin POST', () => {
    expect(rejection(() => assertSameOrigin(request('POST', { origin: 'http://shop.example' })))).toBeNull();
  });

  it('refuses a cross-site POST, PUT, PATCH and DELETE', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(rejection(() => assertSameOrigin(request(method, { origin: 'https://evil.example' })))).toBe(
        'csrf_rejected',
      );
    }
  });

  it('refuses a different scheme or port on the same host, and the opaque "null" origin', () => {
    for (const origin of ['https://shop.example', 'http://shop.example:8080', 'null', 'not a url']) {
      expect(rejection(() => assertSameOrigin(request('POST', { origin })))).toBe('csrf_rejected');
    }
  });

  it('compares against the Host header, not a forwarded host, unless the proxy is trusted', () => {
    const forwarded = request('POST', {
      origin: 'https://public.example',
      'x-forwarded-host': 'public.example',
      'x-forwarded-proto': 'https',
    });
    expect(rejection(() => assertSameOrigin(forwarded, false))).toBe('csrf_rejected');
    expect(rejection(() => assertSameOrigin(forwarded, true))).toBeNull();
    expect(requestOrigin(forwarded, true)).toBe('https://public.example');
  });

  it('does not let a client-sent X-Forwarded-Proto change which scheme counts as ours', () => {
    const spoofed = request('POST', { origin: 'https://shop.example', 'x-forwarded-proto': 'https' });
    expect(rejection(() => assertSameOrigin(spoofed, false))).toBe('csrf_rejected');
    expect(requestOrigin(spoofed, false)).toBe('http://shop.example');
  });

  it('falls back to Sec-Fetch-Site when there is no Origin', () => {
    expect(
      rejection(() => assertSameOrigin(request('POST', { 'sec-fetch-site': 'same-origin' }))),
    ).toBeNull();
    expect(rejection(() => assertSameOrigin(request('POST', { 'sec-fetch-site': 'none' })))).toBeNull();
    expect(rejection(() => assertSameOrigin(request('POST', { 'sec-fetch-site': 'cross-site' })))).toBe(
      'csrf_rejected',
    );
    expect(rejection(() => assertSameOrigin(request('POST', { 'sec-fetch-site': 'same-site' })))).toBe(
      'csrf_rejected',
    );
  });

  it('allows a request with neither header (a non-browser client) and any safe method', () => {
    expect(rejection(() => assertSameOrigin(request('POST', {})))).toBeNull();
    expect(rejection(() => assertSameOrigin(request('GET', { origin: 'https://evil.example' })))).toBeNull();
  });
});

describe('mutationHandler', () => {
  it('answers a cross-site request with 403 csrf_rejected without running the handler', async () => {
    let ran = false;
    const handler = mutationHandler(async () => {
      ran = true;
      return new Response(null, { status: 204 });
    });
    const response = await handler(request('POST', { origin: 'https://evil.example' }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'csrf_rejected', message: 'This request came from another site and was refused.' },
    });
    expect(ran).toBe(false);
    expect((await handler(request('POST', { origin: 'http://shop.example' }))).status).toBe(204);
    expect(ran).toBe(true);
  });
});

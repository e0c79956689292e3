import { describe, expect, it } from 'vitest';
import { requestIsHttps } from './scheme';

const forwarded = (proto: string) => new Headers({ 'x-forwarded-proto': proto });

describe('requestIsHttps', () => {
  it('ignores a client-sent X-Forwarded-Proto unless the proxy is trusted', () => {
    expect(requestIsHttps(forwarded('https'), false, 'http://shop.example')).toBe(false);
    expect(requestIsHttps(forwarded('http'), false, 'https://shop.example')).toBe(true);
  });

  it('follows the trusted proxy, and SITE_URL when the proxy sent nothing', () => {
    expect(requestIsHttps(forwarded('https, http'), true, 'http://shop.example')).toBe(true);
    expect(requestIsHttps(forwarded('http'), true, 'https://shop.example')).toBe(false);
    expect(requestIsHttps(new Headers(), true, 'https://shop.example')).toBe(true);
    expect(requestIsHttps(new Headers(), true, 'http://shop.example')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { OPEN_REDIRECT_PAYLOADS } from '@/test/open-redirect-payloads';
import { loginPath, safeNextPath } from './redirect';

const SITE = 'http://shop.test';

/** Where a browser on SITE goes when it follows `Location: <path>`. */
function followedOrigin(path: string): string {
  return new URL(path, SITE).origin;
}

describe('safeNextPath', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeNextPath('/account/sessions')).toBe('/account/sessions');
    expect(safeNextPath('/products?q=lamp&page=2#reviews')).toBe('/products?q=lamp&page=2#reviews');
    expect(safeNextPath('/a/../account')).toBe('/account');
  });

  it('takes the first of a repeated parameter, under the same rules', () => {
    expect(safeNextPath(['/account', '//evil.example'])).toBe('/account');
    expect(safeNextPath(['//evil.example', '/account'])).toBe('/');
    expect(safeNextPath([])).toBe('/');
  });

  it('turns anything that could leave the site into "/"', () => {
    for (const value of [
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      '/\n/evil.example',
      'evil.example',
      '',
      undefined,
      null,
      ['/', '//evil.example'],
      '/'.padEnd(3000, 'a'),
    ]) {
      expect(safeNextPath(value)).toBe('/');
    }
  });

  it('checks the value after dot segments are removed, not before', () => {
    for (const value of [
      '/.//evil.example',
      '/%2e//evil.example',
      '/a/..//evil.example/x',
      '/a/b/../..//x',
    ]) {
      expect(safeNextPath(value), value).toBe('/');
    }
  });

  it(`keeps every one of ${OPEN_REDIRECT_PAYLOADS.length} known payloads on this site, raw and URL-decoded once`, () => {
    for (const payload of OPEN_REDIRECT_PAYLOADS) {
      for (const value of [payload, decodeURIComponent(payload.replace(/%(?![0-9a-f]{2})/gi, '%25'))]) {
        const next = safeNextPath(value);
        expect(next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\'), value).toBe(true);
        expect(followedOrigin(next), value).toBe(SITE);
      }
    }
  });

  it('builds the login address that returns to a page', () => {
    expect(loginPath('/account/sessions')).toBe('/login?next=%2Faccount%2Fsessions');
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('//evil.example')).toBe('/login');
    expect(loginPath('/.//evil.example')).toBe('/login');
  });
});

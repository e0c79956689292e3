import { describe, expect, it } from 'vitest';
import { loginPath, safeNextPath } from './redirect';

describe('safeNextPath', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeNextPath('/account/sessions')).toBe('/account/sessions');
    expect(safeNextPath('/products?q=lamp&page=2#reviews')).toBe('/products?q=lamp&page=2#reviews');
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

  it('builds the login address that returns to a page', () => {
    expect(loginPath('/account/sessions')).toBe('/login?next=%2Faccount%2Fsessions');
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('//evil.example')).toBe('/login');
  });
});

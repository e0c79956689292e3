import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers';

const byName = (headers: { key: string; value: string }[]) =>
  Object.fromEntries(headers.map((header) => [header.key.toLowerCase(), header.value]));

describe('security headers', () => {
  it('sends the policy that stops framing, plugins, base rebasing and foreign form targets', () => {
    const csp = contentSecurityPolicy({ development: false });
    for (const directive of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "default-src 'self'",
      "script-src-attr 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy({ development: true })).toContain("'unsafe-eval'");
  });

  it('adds nosniff, the referrer and permissions policies, and HSTS only for an https site', () => {
    const http = byName(securityHeaders({ siteUrl: 'http://localhost:3000', development: false }));
    expect(http['x-content-type-options']).toBe('nosniff');
    expect(http['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(http['permissions-policy']).toContain('camera=()');
    expect(http['strict-transport-security']).toBeUndefined();
    const https = byName(securityHeaders({ siteUrl: 'https://shop.example', development: false }));
    expect(https['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
  });
});

import { describe, expect, it } from 'vitest';
import { demoSiteUrl } from './demo-site-url';

describe('the address npm run demo gives SITE_URL', () => {
  it('is the host and port it serves, localhost when it listens everywhere, and SITE_URL when one is given', () => {
    expect(demoSiteUrl({})).toBe('http://localhost:3000');
    expect(demoSiteUrl({ PORT: '4100' })).toBe('http://localhost:4100');
    expect(demoSiteUrl({ HOST: '192.168.1.20', PORT: '4100' })).toBe('http://192.168.1.20:4100');
    expect(demoSiteUrl({ HOST: 'shop.lan' })).toBe('http://shop.lan:3000');
    expect(demoSiteUrl({ HOST: '0.0.0.0', PORT: '8080' })).toBe('http://localhost:8080');
    expect(demoSiteUrl({ HOST: 'fd00::20', PORT: '8080' })).toBe('http://[fd00::20]:8080');
    expect(demoSiteUrl({ SITE_URL: 'https://shop.example', HOST: '10.0.0.2', PORT: '80' })).toBe(
      'https://shop.example',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { clientIp, clientUserAgent, deviceIp } from './client-ip';

describe('clientIp', () => {
  const headers = new Headers({ 'x-forwarded-for': '198.51.100.7, 203.0.113.9' });

  it('ignores X-Forwarded-For unless a trusted proxy sets it', () => {
    expect(clientIp(headers, false)).toBeNull();
  });

  it('takes the address our proxy saw: the right-most entry', () => {
    expect(clientIp(headers, true)).toBe('203.0.113.9');
    expect(clientIp(new Headers({ 'x-forwarded-for': '2001:db8::1' }), true)).toBe('2001:db8::1');
  });

  it('refuses values that are not IP addresses', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': 'attacker-chosen' }), true)).toBeNull();
    expect(clientIp(new Headers(), true)).toBeNull();
  });
});

describe('deviceIp', () => {
  it('shows what Next recorded from the socket when no proxy is trusted', () => {
    expect(deviceIp(new Headers({ 'x-forwarded-for': '::ffff:127.0.0.1' }), false)).toBe('127.0.0.1');
    expect(deviceIp(new Headers({ 'x-forwarded-for': '::1' }), false)).toBe('::1');
    expect(deviceIp(new Headers({ 'x-forwarded-for': 'not-an-ip' }), false)).toBeNull();
    expect(deviceIp(new Headers(), false)).toBeNull();
  });

  it('agrees with clientIp behind a trusted proxy', () => {
    const headers = new Headers({ 'x-forwarded-for': '198.51.100.7, 203.0.113.9' });
    expect(deviceIp(headers, true)).toBe('203.0.113.9');
    expect(deviceIp(headers, false)).toBe('198.51.100.7');
  });
});

describe('clientUserAgent', () => {
  it('bounds the header and reads a missing one as null', () => {
    expect(clientUserAgent(new Headers({ 'user-agent': 'x'.repeat(2000) }))?.length).toBe(512);
    expect(clientUserAgent(new Headers())).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { PEER_ADDRESS_HEADER, recordPeerAddresses } from '@/lib/http/peer-address';
import { clientIp, clientUserAgent, deviceIp, rateLimitAddress } from './client-ip';

// As the server's request hook leaves them: the socket's address in its own header, the client's X-Forwarded-For.
recordPeerAddresses();
const fromSocket = (peer: string, forwarded = '198.51.100.7, 203.0.113.9') =>
  new Headers({ [PEER_ADDRESS_HEADER]: peer, 'x-forwarded-for': forwarded });

describe('deviceIp', () => {
  it('takes the socket address, never X-Forwarded-For, without a trusted proxy', () => {
    expect(deviceIp(fromSocket('127.0.0.1', '6.6.6.6'), false)).toBe('127.0.0.1');
    expect(deviceIp(fromSocket('::ffff:127.0.0.1'), false)).toBe('127.0.0.1');
    expect(deviceIp(fromSocket('::1'), false)).toBe('::1');
    expect(deviceIp(new Headers({ 'x-forwarded-for': '6.6.6.6' }), false)).toBeNull();
  });

  it('takes the address our proxy saw behind a trusted one: the right-most entry', () => {
    expect(deviceIp(fromSocket('10.0.0.2'), true)).toBe('203.0.113.9');
    expect(deviceIp(new Headers({ 'x-forwarded-for': '2001:db8::1' }), true)).toBe('2001:db8::1');
    expect(deviceIp(new Headers({ 'x-real-ip': '203.0.113.5' }), true)).toBe('203.0.113.5');
  });

  it('refuses values that are not IP addresses', () => {
    expect(deviceIp(new Headers({ 'x-forwarded-for': 'attacker-chosen' }), true)).toBeNull();
    expect(deviceIp(fromSocket('not-an-ip'), false)).toBeNull();
    expect(deviceIp(new Headers(), true)).toBeNull();
  });
});

describe('clientIp', () => {
  it('counts an IPv6 client by its /64 and an IPv4 one by its address', () => {
    expect(clientIp(fromSocket('2001:db8:1:2:aaaa::1'), false)).toBe('2001:db8:1:2::/64');
    expect(clientIp(fromSocket('2001:db8:1:2:bbbb:cccc:dddd:eeee'), false)).toBe('2001:db8:1:2::/64');
    expect(clientIp(fromSocket('203.0.113.9'), false)).toBe('203.0.113.9');
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6' }), false)).toBeNull();
  });
});

describe('rateLimitAddress', () => {
  it('expands every spelling of one /64 to the same key', () => {
    expect(rateLimitAddress('2001:0DB8:0000:0001:0:0:0:1')).toBe('2001:db8:0:1::/64');
    expect(rateLimitAddress('2001:db8:0:1::')).toBe('2001:db8:0:1::/64');
    expect(rateLimitAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(rateLimitAddress('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitAddress('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });
});

describe('clientUserAgent', () => {
  it('bounds the header and reads a missing one as null', () => {
    expect(clientUserAgent(new Headers({ 'user-agent': 'x'.repeat(2000) }))?.length).toBe(512);
    expect(clientUserAgent(new Headers())).toBeNull();
  });
});

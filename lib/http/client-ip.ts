import { isIP } from 'node:net';
import { env } from '@/lib/env';
import { peerAddress } from '@/lib/http/peer-address';

/**
 * The client's address, as the device list and the audit log record it; null when it is not known.
 *
 * Behind a proxy we run (TRUST_PROXY), the right-most X-Forwarded-For entry: the address that proxy saw (entries to
 * its left are the client's word). Otherwise the socket's own address (lib/http/peer-address.ts), never a header the
 * client wrote: Next keeps a client-sent X-Forwarded-For as it came.
 */
export function deviceIp(headers: Headers, trustProxy = env.TRUST_PROXY): string | null {
  const candidate = trustProxy
    ? headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || headers.get('x-real-ip')?.trim()
    : peerAddress(headers);
  // A dual-stack socket reports an IPv4 client as ::ffff:a.b.c.d.
  const address = candidate?.replace(/^::ffff:(?=\d+\.)/i, '');
  return address && isIP(address) ? address : null;
}

/**
 * What per-client limits count under: the client's address, an IPv6 one cut to its /64. A single subscriber is
 * handed a /64 (or more) to pick addresses from, so each IPv6 address alone would give one client 2^64 budgets.
 * Without TRUST_PROXY behind a proxy, every client has the proxy's address and shares its budgets: set it there.
 */
export function clientIp(headers: Headers, trustProxy = env.TRUST_PROXY): string | null {
  const address = deviceIp(headers, trustProxy);
  return address && rateLimitAddress(address);
}

/** An IPv4 address as it is; an IPv6 one as its /64 network, e.g. 2001:db8:0:1::/64. */
export function rateLimitAddress(address: string): string {
  if (isIP(address) !== 6) return address;
  const bare = (address.split('%')[0] ?? '').toLowerCase();
  const [head = '', tail] = bare.split('::');
  const groupsOf = (part: string | undefined) => (part ? part.split(':') : []);
  // An embedded IPv4 tail (::1.2.3.4) stands for two groups; it is never among the first four.
  const width = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0);
  const left = groupsOf(head);
  const right = groupsOf(tail);
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - width(left) - width(right)).fill('0'), ...right];
  const network = groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
  return `${network.join(':')}::/64`;
}

/** The User-Agent header, bounded so a huge header cannot bloat the session record. */
export function clientUserAgent(headers: Headers): string | null {
  const value = headers.get('user-agent')?.trim();
  return value ? value.slice(0, 512) : null;
}

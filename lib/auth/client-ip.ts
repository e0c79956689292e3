import { isIP } from 'node:net';
import { env } from '@/lib/env';

/**
 * The client's IP address, or null when we cannot know it.
 *
 * Route handlers, actions and the proxy see no socket, only headers. X-Forwarded-For is written by whoever sent the
 * request, and Next itself copies the socket address into it only when the client did not send one, so the header
 * is believed only when TRUST_PROXY says our own proxy sets it. Then the right-most entry is the address that proxy
 * saw (entries to its left are client-supplied). Without a trusted proxy the answer is null: the per-IP login limit
 * is skipped (the per-account limit still applies) rather than keyed on a value an attacker picks, or on one shared
 * bucket that would let a single client lock everybody out.
 */
export function clientIp(headers: Headers, trustProxy = env.TRUST_PROXY): string | null {
  if (!trustProxy) return null;
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  const candidate = last || headers.get('x-real-ip')?.trim();
  return candidate && isIP(candidate) ? candidate : null;
}

/**
 * The address to show in the user's own device list. Behind a trusted proxy it is clientIp(); without one it is
 * what Next recorded from the socket in X-Forwarded-For when the client sent none. A client that sends its own
 * value only mislabels its own device, so that is good enough to display, never to rate-limit on.
 */
export function deviceIp(headers: Headers, trustProxy = env.TRUST_PROXY): string | null {
  if (trustProxy) return clientIp(headers, true);
  const first = headers
    .get('x-forwarded-for')
    ?.split(',')[0]
    ?.trim()
    .replace(/^::ffff:(?=\d+\.)/, '');
  return first && isIP(first) ? first : null;
}

/** The User-Agent header, bounded so a huge header cannot bloat the session record. */
export function clientUserAgent(headers: Headers): string | null {
  const value = headers.get('user-agent')?.trim();
  return value ? value.slice(0, 512) : null;
}

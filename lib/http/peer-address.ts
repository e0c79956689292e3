import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { BlockList, isIPv4, type Socket } from 'node:net';
import { env } from '@/lib/env';

// Route handlers, actions and the proxy see headers, never the socket. Next 16 copies the socket's address into
// X-Forwarded-For only when the client sent none (next/dist/server/base-server.js: `x-forwarded-for ??=`), so that
// header cannot tell a client's word from the socket's. Node announces every request on this channel, with its
// socket, before any 'request' listener (Next's server) runs: there the socket's address is written into a header
// of our own, over whatever a client sent under that name.
export const PEER_ADDRESS_HEADER = 'x-storefront-peer-address';
const REQUEST_START_CHANNEL = 'http.server.request.start';
const RECORDING = Symbol.for('storefront.peer-address.recording');

type RecordingGlobal = { [RECORDING]?: true };
type RequestStart = { request: IncomingMessage; socket: Socket };

// Loopback and private networks: where a reverse proxy in front of the app usually connects from.
const PROXY_NETWORKS = new BlockList();
for (const [network, bits] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  PROXY_NETWORKS.addSubnet(network, bits, 'ipv4');
}
PROXY_NETWORKS.addAddress('::1', 'ipv6');
PROXY_NETWORKS.addSubnet('fc00::', 7, 'ipv6');

function looksProxied(request: IncomingMessage, address: string | undefined): boolean {
  if (!address || !request.headers['x-forwarded-for']) return false;
  const bare = address.replace(/^::ffff:(?=\d+\.)/i, '');
  return PROXY_NETWORKS.check(bare, isIPv4(bare) ? 'ipv4' : 'ipv6');
}

/**
 * Called once per process at start (instrumentation.ts); again is a no-op. Without TRUST_PROXY, the first request
 * that looks forwarded by a proxy (X-Forwarded-For from a private address) logs a warning: every client behind that
 * proxy then has its address, and shares its per-client limits.
 */
export function recordPeerAddresses(
  options: { trustProxy?: boolean; warn?: (message: string) => void } = {},
): void {
  const recording = globalThis as RecordingGlobal;
  if (recording[RECORDING]) return;
  const { trustProxy = env.TRUST_PROXY, warn = console.warn } = options;
  let warned = trustProxy;
  subscribe(REQUEST_START_CHANNEL, (message) => {
    const { request, socket } = message as RequestStart;
    if (!warned && looksProxied(request, socket.remoteAddress)) {
      warned = true;
      warn(
        `A request from ${socket.remoteAddress} carries X-Forwarded-For, but TRUST_PROXY is off: if a proxy of ` +
          'yours forwards to this app, set TRUST_PROXY=true, or every client shares its address and per-IP limits.',
      );
    }
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? '';
  });
  // On globalThis: the route bundles hold their own copy of this module, the process one channel.
  recording[RECORDING] = true;
}

/**
 * The address of the socket the request came over, or null when this process does not record it (unit tests, a
 * custom server): a header of that name is then whatever the client wrote.
 */
export function peerAddress(headers: Headers): string | null {
  if (!(globalThis as RecordingGlobal)[RECORDING]) return null;
  return headers.get(PEER_ADDRESS_HEADER)?.trim() || null;
}

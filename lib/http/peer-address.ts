import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

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

/** Called once per process at start (instrumentation.ts); again is a no-op. */
export function recordPeerAddresses(): void {
  const recording = globalThis as RecordingGlobal;
  if (recording[RECORDING]) return;
  subscribe(REQUEST_START_CHANNEL, (message) => {
    const { request, socket } = message as RequestStart;
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

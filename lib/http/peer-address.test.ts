import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { PEER_ADDRESS_HEADER, peerAddress, recordPeerAddresses } from './peer-address';

/** What a handler behind a real Node server reads from a request that forges both headers. */
async function headersSeenByHandler(): Promise<Headers> {
  let seen: IncomingHttpHeaders = {};
  const server = createServer((request, response) => {
    seen = request.headers;
    response.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await fetch(`http://127.0.0.1:${port}/`, {
    headers: { 'x-forwarded-for': '6.6.6.6', [PEER_ADDRESS_HEADER]: '6.6.6.6' },
  });
  server.close();
  const headers = new Headers();
  for (const [name, value] of Object.entries(seen)) headers.set(name, String(value));
  return headers;
}

describe('peerAddress', () => {
  it('believes no header before the process records the socket address', async () => {
    expect(peerAddress(await headersSeenByHandler())).toBeNull();
  });

  it('reads the socket address over a client-sent copy of its header, and warns once of a proxy', async () => {
    const warn = vi.fn();
    recordPeerAddresses({ trustProxy: false, warn });
    recordPeerAddresses();
    const headers = await headersSeenByHandler();
    expect(peerAddress(headers)).toBe('127.0.0.1');
    expect(headers.get('x-forwarded-for')).toBe('6.6.6.6');
    await headersSeenByHandler();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/TRUST_PROXY is off/);
  });
});

// A peer's server in a process of its own (bench/peer-bench/servers.ts forks one per peer), so each is measured with a
// whole event loop and none shares a garbage collector with the load generator. Reports its port over IPC.
import type { AddressInfo } from 'node:net';
import { peerById } from './index';
import { createPeerServer } from './server';
import type { PeerContext } from './types';

async function main() {
  const id = process.argv[2] ?? '';
  const context = JSON.parse(process.env.BENCH_PEER_CONTEXT ?? '{}') as PeerContext;
  const peer = await peerById(id).start(context);
  const server = createPeerServer(peer);
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    process.send?.({ port: (server.address() as AddressInfo).port });
  });
  process.on('disconnect', () => {
    server.close();
    void peer.close().finally(() => process.exit(0));
  });
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});

import 'server-only';
import { setMaxListeners } from 'node:events';
import { db } from '@/lib/db';
import { closeRedisConnections } from '@/lib/redis';

// Graceful shutdown of `next start`. On SIGTERM/SIGINT Next stops accepting connections, waits for the requests in
// flight (a checkout's transaction included), then calls process.exit. Two things it cannot do by itself: end the
// open-tab event streams, which never finish on their own and would hold the drain forever, and close this
// process's Redis and PostgreSQL connections after the last request, for which its process.exit call is the only
// moment we are given.

const CLOSE_DEADLINE_MS = 3_000;

const globalForShutdown = globalThis as unknown as { storefrontShutdown?: AbortController };

/** Aborted when the server begins to shut down: long-lived responses end on it. */
export function shutdownSignal(): AbortSignal {
  if (!globalForShutdown.storefrontShutdown) {
    globalForShutdown.storefrontShutdown = new AbortController();
    // Every open event stream listens (up to LIVE_STREAMS_PER_USER per user): many listeners are no leak.
    setMaxListeners(0, globalForShutdown.storefrontShutdown.signal);
  }
  return globalForShutdown.storefrontShutdown.signal;
}

async function closeConnections(): Promise<string> {
  const closed = Promise.allSettled([closeRedisConnections(), db.$disconnect()]).then(
    () => 'Redis and PostgreSQL connections closed',
  );
  const deadline = new Promise<string>((resolve) =>
    setTimeout(resolve, CLOSE_DEADLINE_MS, 'closing Redis and PostgreSQL connections timed out').unref(),
  );
  return Promise.race([closed, deadline]);
}

/** Called once at start (instrumentation.ts, Node runtime). */
export function handleShutdownSignals(): void {
  const begin = () => {
    globalForShutdown.storefrontShutdown ??= new AbortController();
    globalForShutdown.storefrontShutdown.abort();
    const exit = process.exit.bind(process);
    process.exit = ((code?: number) => {
      void closeConnections().then((outcome) => {
        console.log(`Shut down: requests drained, ${outcome}.`);
        exit(code);
      });
    }) as typeof process.exit;
  };
  process.once('SIGTERM', begin);
  process.once('SIGINT', begin);
}

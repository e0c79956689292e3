// One load run in a process of its own (bench/load.ts forks it): its garbage collector then has only its own small
// heap to walk, not the bench's (seeded data, cookies, results), and its pauses, which delay every response in flight
// and so land in the measured p99, stay short and few.
//
// Keep-alive connections over raw sockets, one request in flight on each, every request's bytes built before the
// clock starts. A run with a different cookie on every request then costs the generator what a run with one cookie
// does: autocannon rebuilt each such request in JavaScript (about 15 µs of the generator's CPU on a core the server
// and Redis share here), which capped every cold run near the same rate whatever the check cost.
import net from 'node:net';
import { requestBytes, responseEnd } from './raw-http';
import type { LoadOptions, Sample } from './load';

function run(options: LoadOptions): Promise<Sample> {
  const url = new URL(options.url);
  const requests = options.cookies
    ? options.cookies.map((cookie) => requestBytes(url, cookie))
    : [requestBytes(url, options.cookie)];
  const amount = options.amount ?? Infinity;
  const latencies: number[] = [];
  let sent = 0;
  let non2xx = 0;
  let open = options.connections;
  const startedAt = performance.now();
  let lastResponseAt = startedAt;
  const deadline = options.amount ? Infinity : startedAt + (options.seconds ?? 5) * 1000;

  return new Promise((resolve, reject) => {
    const finish = () => {
      if (--open > 0) return;
      const sorted = Float64Array.from(latencies).sort();
      const at = (p: number) =>
        sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
      const seconds = (lastResponseAt - startedAt) / 1000;
      resolve({
        requests: sorted.length,
        rps: sorted.length / seconds,
        p50: at(50),
        p90: at(90),
        p99: at(99),
        mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
        non2xx,
      });
    };

    const connection = () => {
      const socket = net.connect(Number(url.port || 80), url.hostname);
      socket.setNoDelay(true);
      let pending = Buffer.alloc(0);
      let sentAt = 0;
      // Until this connection's share of the run is done, an error or a close (a refused connect too) ends the run.
      let done = false;
      const next = () => {
        if (sent >= amount || performance.now() >= deadline) {
          done = true;
          socket.end();
          finish();
          return;
        }
        sentAt = performance.now();
        socket.write(requests[sent++ % requests.length] as Buffer);
      };
      socket.once('connect', next);
      socket.on('data', (chunk) => {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        const response = responseEnd(pending);
        if (!response) return;
        lastResponseAt = performance.now();
        latencies.push(lastResponseAt - sentAt);
        if (response.status < 200 || response.status > 299) non2xx++;
        pending = pending.subarray(response.end);
        next();
      });
      socket.on('error', (error) => {
        if (!done) reject(error);
      });
      socket.on('close', () => {
        if (!done) reject(new Error('a connection closed before the run ended'));
      });
    };
    for (let index = 0; index < options.connections; index++) connection();
  });
}

process.once('message', (options: LoadOptions) => {
  run(options).then(
    (sample) => process.send?.({ sample }, () => process.disconnect()),
    (error: Error) => process.send?.({ error: error.message }, () => process.disconnect()),
  );
});

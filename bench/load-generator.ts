// One autocannon run in a process of its own (bench/load.ts forks it): the load generator's garbage collector then
// has only its own small heap to walk, not the bench's (seeded data, cookies, results), and its pauses, which delay
// every response in flight and so land in the measured p99, stay short and few.
import autocannon from 'autocannon';
import type { LoadOptions, Sample } from './load';

function rotateCookies(cookies: string[]): autocannon.Request {
  let next = 0;
  return {
    method: 'GET',
    setupRequest: (request) => ({
      ...request,
      headers: { ...request.headers, cookie: cookies[next++ % cookies.length] as string },
    }),
  };
}

function run(options: LoadOptions): Promise<Sample> {
  const startedAt = performance.now();
  let lastResponseAt = startedAt;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 5 }),
        headers: options.cookie ? { cookie: options.cookie } : {},
        ...(options.cookies ? { requests: [rotateCookies(options.cookies)] } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requests: result.requests.total,
          // autocannon ends a fixed-count run only at its next one-second tick, so its own duration (and the
          // bench's clock around it) rounds up to whole seconds: count from the start to the last response instead.
          rps: options.amount
            ? result.requests.total / ((lastResponseAt - startedAt) / 1000)
            : result.requests.average,
          p50: result.latency.p50,
          p90: result.latency.p90,
          p99: result.latency.p99,
          mean: result.latency.average,
          non2xx: result.non2xx,
        });
      },
    );
    if (options.amount) instance.on('response', () => (lastResponseAt = performance.now()));
  });
}

process.once('message', (options: LoadOptions) => {
  run(options).then(
    (sample) => process.send?.({ sample }, () => process.disconnect()),
    (error: Error) => process.send?.({ error: error.message }, () => process.disconnect()),
  );
});

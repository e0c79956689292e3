import autocannon from 'autocannon';

// One autocannon run and the figures the reports keep.

export type Sample = {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  non2xx: number;
};

export type LoadOptions = {
  url: string;
  cookie: string | null;
  /** A different cookie on each request, in turn, instead of `cookie`. */
  cookies?: string[];
  connections: number;
  /** Seconds, or a fixed number of requests with `amount`. */
  seconds?: number;
  amount?: number;
};

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

export function load(options: LoadOptions): Promise<Sample> {
  return new Promise((resolve, reject) => {
    autocannon(
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
          rps: result.requests.average,
          p50: result.latency.p50,
          p90: result.latency.p90,
          p99: result.latency.p99,
          mean: result.latency.average,
          non2xx: result.non2xx,
        });
      },
    );
  });
}

/** The value at `p` percent of the sorted values (the 50th is the median), NaN for none. */
export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ??
  NaN;

export const median = (values: number[]) => percentile(values, 50);

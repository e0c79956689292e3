import { fork } from 'node:child_process';
import path from 'node:path';

// One load run (bench/load-generator.ts, in a child process) and the figures the reports keep.

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

type Outcome = { sample: Sample } | { error: string };

export function load(options: LoadOptions): Promise<Sample> {
  const child = fork(path.resolve('bench/load-generator.ts'), [], {
    // A larger young generation: fewer scavenges, each as short (their cost is what survives, not the space).
    execArgv: ['--import', 'tsx', '--max-semi-space-size=64'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (outcome: Outcome) =>
      'sample' in outcome ? resolve(outcome.sample) : reject(new Error(outcome.error)),
    );
    child.once('exit', (code) =>
      reject(new Error(`the load generator exited with ${code} before answering`)),
    );
    child.send(options);
  });
}

/** The value at `p` percent of the sorted values (the 50th is the median), NaN for none. */
export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ??
  NaN;

export const median = (values: number[]) => percentile(values, 50);

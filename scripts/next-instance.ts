import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../test/private-redis';

/** Idle keep-alive of the test servers, well past Node's 5 s (playwright.config.ts says why). */
export const KEEP_ALIVE_MS = 120_000;

// A `next start` process of a production build on 127.0.0.1, for the specs about faults and several instances and
// for the load bench: on the port given or a free one, with the settings given, its own address as SITE_URL.

// Node itself, not npx: the signal a test sends must reach the server, not a wrapper.
const nextBin = join(process.cwd(), 'node_modules/next/dist/bin/next');

export type Instance = {
  url: string;
  /** What the server printed, stdout and stderr. */
  output: () => string;
  /** SIGTERM; resolves with the exit code once the process is gone. */
  terminate: () => Promise<number | null>;
};

export type InstanceOptions = {
  /** The environment over the process's own (a test kind's, a bench's). */
  env?: Record<string, string>;
  /** Over `env` and the instance's own PORT and SITE_URL. */
  settings?: Record<string, string>;
  port?: number;
};

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`)).ok;
  } catch {
    return false;
  }
}

export async function startNextInstance(options: InstanceOptions = {}): Promise<Instance> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [nextBin, 'start', '-H', '127.0.0.1', '-p', String(port), '--keepAliveTimeout', String(KEEP_ALIVE_MS)],
    {
      env: {
        ...process.env,
        ...options.env,
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next',
        PORT: String(port),
        SITE_URL: url,
        ...options.settings,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (let attempt = 0; !(await healthy(url)); attempt++) {
    if (child.exitCode !== null || attempt > 1200) {
      child.kill('SIGKILL');
      throw new Error(`next start on ${url} did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    output: () => output,
    terminate: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

// `npm run bench` (bench/run.sh): the compared session checks (bench/peer-bench/) and the app itself
// (bench/session-check.ts), one report with the machine in docs/benchmarks.md. Options are environment variables,
// listed in docs/benchmarking.md#options; BENCH_PARTS=peers or =app runs one part.
import { writeFileSync } from 'node:fs';
import { median, type Sample } from './load';
import { loadAverage, machineLines } from './machine';
import {
  medians,
  peerReport,
  runPeerBench,
  scaleChange,
  variantFigures,
  type PeerBenchResult,
} from './peer-bench';
import { BENCHMARKS_FILE, keptSections } from './report-sections';
import { appReport, runAppBench, type AppBenchResult } from './session-check';

const number = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const parts = new Set((process.env.BENCH_PARTS ?? 'peers,app').split(','));
const seconds = number('BENCH_SECONDS', 10);
const rounds = number('BENCH_ROUNDS', 3);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/storefront_bench';

function machine(loadAtStart: string, peers: PeerBenchResult | null): string {
  return ['## Machine', '', ...machineLines(loadAtStart, peers?.versions ?? null)].join('\n');
}

type Target = { target: string; measured: string; met: boolean };

// The targets (ratios from this one run), each with the measured value and whether it was met.
function peerTargets(result: PeerBenchResult): Target[] {
  const scales = [...result.timed.keys()].sort((a, b) => a - b);
  const first = result.timed.get(scales[0] as number);
  const ours = medians(first?.get('ours'));
  const ratio = (id: string) => ours.rps / medians(first?.get(id)).rps;
  const throughput = (id: string, label: string, least: number): Target => ({
    target: `ours ≥ ${least}× the req/s of ${label}`,
    measured: `${ratio(id).toFixed(2)}×`,
    met: ratio(id) >= least,
  });
  const drift = scaleChange(result.timed, 'ours');
  const cold = (id: string) => variantFigures(result.timed, id, 'cold');
  const oursCold = cold('ours');
  const oursWarmThere = oursCold ? medians(result.timed.get(oursCold.scale)?.get('ours')) : null;
  const coldRatio = (id: string) => (oursCold?.rps ?? NaN) / (cold(id)?.rps ?? NaN);
  const coldThroughput = (id: string, label: string, least: number): Target => ({
    target: `ours cold ≥ ${least}× the req/s of ${label} cold (a different session or token on every request)`,
    measured: `${coldRatio(id).toFixed(2)}×`,
    met: coldRatio(id) >= least,
  });
  const madeUpCpu = (id: string) => variantFigures(result.timed, id, 'made-up')?.cpu ?? NaN;
  const perSession = result.memory.bytes / result.memory.sessions;
  const stale = (result.lag.get('ours')?.staleAfter ?? NaN) + result.banLag.staleAfter;
  return [
    coldThroughput('jose', 'jose HS256', 1.3),
    coldThroughput('next-auth', 'next-auth’s JWT decode', 1.8),
    {
      target: 'ours cold ≥ 0.8× ours warm (req/s, same store)',
      measured: `${((oursCold?.rps ?? NaN) / (oursWarmThere?.rps ?? NaN)).toFixed(2)}×`,
      met: (oursCold?.rps ?? NaN) / (oursWarmThere?.rps ?? NaN) >= 0.8,
    },
    {
      target: 'a made-up cookie costs ours no more CPU than a made-up token costs jose',
      measured: `${madeUpCpu('ours').toFixed(0)} µs against ${madeUpCpu('jose').toFixed(0)} µs a request`,
      met: madeUpCpu('ours') <= madeUpCpu('jose'),
    },
    throughput('jose', 'jose HS256', 1.3),
    throughput('next-auth', 'next-auth’s JWT decode', 1.8),
    throughput('pg-table', 'the PostgreSQL table', 1.8),
    throughput('better-auth', 'better-auth without its cookie cache', 6),
    {
      target: `ours p99 ≤ 3 ms at ${result.options.connections} connections`,
      measured: `${ours.p99.toFixed(1)} ms`,
      met: ours.p99 <= 3,
    },
    {
      target: `flat from ${scales[0]} to ${scales[scales.length - 1]} sessions (ours, same-round req/s, within ±10 %)`,
      measured: `${(drift * 100).toFixed(1)} %`,
      met: Math.abs(drift) <= 0.1,
    },
    {
      target: '≤ 500 bytes per session in Redis',
      measured: `${perSession.toFixed(0)} B`,
      met: perSession <= 500,
    },
    {
      target: 'zero stale requests after a logout or a ban returns',
      measured: `${stale} stale of ${(result.lag.get('ours')?.requestsAfter ?? 0) + result.banLag.requestsAfter}`,
      met: stale === 0,
    },
  ];
}

function appTargets(result: AppBenchResult): Target[] {
  const most = Math.max(
    ...result.routes.flatMap((route) => [route.redis.signedIn.commands, route.redis.signedOut.commands]),
  );
  const ratios = result.routes.map((route) => ({
    path: route.path,
    ratio: median(route.signedIn.map((s) => s.rps)) / median(route.signedOut.map((s) => s.rps)),
  }));
  const rpsOf = (samples: Sample[]) => median(samples.map((s) => s.rps));
  const p99Of = (samples: Sample[]) => median(samples.map((s) => s.p99));
  const staticFile = result.routes.find((route) => route.kind === 'static');
  const catalog = result.routes.filter((route) => route.kind === 'catalog');
  // Each run against the static file's run of the same kind (signed out or in), both from this one bench.
  const shares = catalog.flatMap((route) =>
    staticFile
      ? [
          { label: `${route.path} out`, share: rpsOf(route.signedOut) / rpsOf(staticFile.signedOut) },
          { label: `${route.path} in`, share: rpsOf(route.signedIn) / rpsOf(staticFile.signedIn) },
        ]
      : [],
  );
  const tails = catalog.flatMap((route) => [
    { label: `${route.path} out`, p99: p99Of(route.signedOut) },
    { label: `${route.path} in`, p99: p99Of(route.signedIn) },
  ]);
  return [
    {
      target: `in the app, cached catalog pages ≥ 0.2× the req/s of a static file`,
      measured: shares.map(({ label, share }) => `${label} ${share.toFixed(2)}×`).join('; '),
      met: shares.length > 0 && shares.every(({ share }) => share >= 0.2),
    },
    {
      target: `in the app, cached catalog pages p99 < 50 ms at ${result.options.connections} connections`,
      measured: tails.map(({ label, p99 }) => `${label} ${p99.toFixed(1)} ms`).join('; '),
      met: tails.length > 0 && tails.every(({ p99 }) => p99 < 50),
    },
    {
      target: 'in the app, ≤ 1 Redis command per request on every route',
      measured: `at most ${most.toFixed(2)}`,
      met: most <= 1.01,
    },
    {
      target: 'in the app, signed in within 10 % of signed out (req/s, every route)',
      measured: ratios.map(({ path, ratio }) => `${path} ${((ratio - 1) * 100).toFixed(1)} %`).join('; '),
      met: ratios.every(({ ratio }) => ratio >= 0.9),
    },
  ];
}

function targetsReport(targets: Target[]): string {
  return [
    '## Targets',
    '',
    'From the issue, checked against this run; a target not met is reported as such.',
    '',
    '| target | measured | met |',
    '| --- | --- | --- |',
    ...targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`),
    '',
  ].join('\n');
}

async function main() {
  const loadAtStart = loadAverage();
  let peers: PeerBenchResult | null = null;
  let app: AppBenchResult | null = null;
  if (parts.has('peers')) {
    peers = await runPeerBench({
      seconds,
      rounds,
      connections: number('BENCH_CONNECTIONS', 50),
      scales: (process.env.BENCH_SCALES ?? '1000,100000,1000000').split(',').map(Number),
      revocationWindowSeconds: number('BENCH_REVOCATION_SECONDS', 3),
      memorySessions: number('BENCH_MEMORY_SESSIONS', 100_000),
      coldRequests: number('BENCH_COLD_REQUESTS', 40_000),
      databaseServerUrl: new URL('/postgres', databaseUrl).toString(),
    });
  }
  if (parts.has('app')) {
    app = await runAppBench({
      port: number('BENCH_PORT', 3200),
      seconds: number('BENCH_APP_SECONDS', 5),
      connections: number('BENCH_APP_CONNECTIONS', 20),
      rounds,
      coldRequests: number('BENCH_APP_COLD_REQUESTS', 20_000),
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      databaseUrl,
    });
  }
  const markdown = [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (bench/main.ts), except the section under load with two instances, which',
    '`npm run bench:load` (bench/shopper-load.ts) writes and `npm run bench` keeps; do not edit by hand.',
    '',
    machine(loadAtStart, peers),
    '',
    targetsReport([...(peers ? peerTargets(peers) : []), ...(app ? appTargets(app) : [])]),
    ...(peers ? [peerReport(peers)] : []),
    ...(app ? [appReport(app)] : []),
    ...keptSections().flatMap((section) => [section, '']),
  ].join('\n');
  writeFileSync(BENCHMARKS_FILE, markdown);
  console.log(markdown);
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});

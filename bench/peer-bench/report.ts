// The peer sections of docs/benchmarks.md, from a run's figures.
import { median } from '../load';
import { peerById, PEERS } from '../peers/index';
import { SESSIONS_PER_USER, type PeerDefinition } from '../peers/types';
import { variantId, type Lag, type PeerBenchResult, type Timed, type Variant } from './types';
export const fixed = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';

/** A check's req/s at the largest size ÷ at the smallest, minus one: the median over rounds of same-round pairs. */
export function scaleChange(timed: Map<number, Map<string, Timed>>, id: string): number {
  const scales = [...timed.keys()].sort((a, b) => a - b);
  const first = timed.get(scales[0] as number)?.get(id)?.samples ?? [];
  const last = timed.get(scales[scales.length - 1] as number)?.get(id)?.samples ?? [];
  return median(first.map((sample, round) => (last[round]?.rps ?? NaN) / sample.rps)) - 1;
}

/** A cold or made-up run's medians, at the store size it ran against; null where it did not run. */
export function variantFigures(timed: Map<number, Map<string, Timed>>, id: string, variant: Variant) {
  for (const [scale, atScale] of timed) {
    const entry = atScale.get(variantId(id, variant));
    if (entry) return { scale, ...medians(entry), cpu: median(entry.cpu) };
  }
  return null;
}

export function medians(timed: Timed | undefined) {
  const samples = timed?.samples ?? [];
  return {
    rps: median(samples.map((s) => s.rps)),
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
  };
}

export function lagText(definition: PeerDefinition, lag: Lag | undefined, windowSeconds: number): string {
  if (!lag) return '—';
  const measured = `${lag.staleAfter} of ${lag.requestsAfter} requests answered 200 in the ${windowSeconds} s after`;
  if (definition.staleFor === null) {
    return lag.staleAfter === 0
      ? `none: 0 of ${lag.requestsAfter} requests answered 200`
      : `${measured}, the last ${fixed(lag.lastStaleMs ?? 0, 1)} ms after`;
  }
  return `${definition.staleFor}: ${measured}`;
}

/** The peer sections of docs/benchmarks.md. */
export function peerReport(result: PeerBenchResult): string {
  const { options, timed, traffic } = result;
  const scales = [...timed.keys()].sort((a, b) => a - b);
  const first = timed.get(scales[0] as number) ?? new Map<string, Timed>();
  const ours = medians(first.get('ours'));
  const mainRows = PEERS.map((peer) => {
    const m = medians(first.get(peer.id));
    const t = traffic.get(peer.id);
    return `| ${peer.label} | ${fixed(m.rps)} | ${fixed(m.p50, 1)} | ${fixed(m.p99, 1)} | ${fixed(t?.redis ?? NaN, 2)}${t?.redisNames ? ` (${t.redisNames})` : ''} | ${fixed(t?.queries ?? NaN, 2)} | ${peer.id === 'ours' ? '1.00' : fixed(ours.rps / m.rps, 2)} | ${peer.id === 'none' ? '—' : peer.staleFor === null ? 'yes' : 'no'} |`;
  });
  const stateful = PEERS.filter((peer) => peer.stateful);
  const scaleRows = stateful.map((peer) => {
    const cells = scales.map((scale) => {
      const m = medians(timed.get(scale)?.get(peer.id));
      return `${fixed(m.rps)} / ${fixed(m.p99, 1)}`;
    });
    return `| ${peer.label} | ${cells.join(' | ')} | ${fixed(scaleChange(timed, peer.id) * 100, 1)} % |`;
  });
  const oursCold = variantFigures(timed, 'ours', 'cold');
  const variantRows = PEERS.flatMap((peer) => {
    const cold = variantFigures(timed, peer.id, 'cold');
    const renewalDue = variantFigures(timed, peer.id, 'renewal-due');
    const madeUp = variantFigures(timed, peer.id, 'made-up');
    if (!cold && !madeUp) return [];
    const warm = cold ? medians(timed.get(cold.scale)?.get(peer.id)) : null;
    const warmCpu = cold ? median(timed.get(cold.scale)?.get(peer.id)?.cpu ?? []) : NaN;
    const coldCell = cold
      ? `${fixed(cold.rps)} / ${fixed(cold.p99, 1)} (${peer.seededCookie ? `seeded, ${fixed(cold.scale)} stored` : 'fresh sign-ins'})`
      : `not measured: ${peer.costlySignIn ?? 'no session to vary'}`;
    const rows = [
      `| ${peer.label} | ${warm ? `${fixed(warm.rps)} / ${fixed(warm.p99, 1)}` : '—'} | ${coldCell} | ${cold && warm ? fixed(cold.rps / warm.rps, 2) : '—'} | ${fixed(warmCpu, 0)} / ${fixed(cold?.cpu ?? NaN, 0)} / ${fixed(madeUp?.cpu ?? NaN, 0)} | ${madeUp ? fixed(madeUp.rps) : '—'} | ${cold && oursCold ? (peer.id === 'ours' ? '1.00' : fixed(oursCold.rps / cold.rps, 2)) : '—'} |`,
    ];
    if (renewalDue && warm) {
      rows.push(
        `| ${peer.label}, each session due its renewal (last seen over a renewal interval ago: one more write) | — | ${fixed(renewalDue.rps)} / ${fixed(renewalDue.p99, 1)} | ${fixed(renewalDue.rps / warm.rps, 2)} | — / ${fixed(renewalDue.cpu, 0)} / — | — | — |`,
      );
    }
    return rows;
  });
  const bytesRows = PEERS.filter((peer) => result.seededBytes.has(peer.id)).map(
    (peer) =>
      `| ${peer.label} | ${fixed(result.seededBytes.get(peer.id) ?? NaN)} | ${fixed(result.seedSeconds.get(peer.id) ?? NaN, 1)} |`,
  );
  const lagRows = PEERS.filter((peer) => result.lag.has(peer.id)).map(
    (peer) =>
      `| ${peer.label} | ${lagText(peer, result.lag.get(peer.id), options.revocationWindowSeconds)} |`,
  );
  const { memory } = result;
  return [
    '## Our session check against the libraries people pick',
    '',
    'Each check is a plain `node:http` server in a process of its own answering `GET /me` (200 with the user’s id,',
    '401 without a live session), code in `bench/peers/`. “Ours” is the project’s own code imported from lib/session:',
    'read the cookie, open the seal (AES-256-GCM, lib/session/cookie-seal.ts), one MGET that reads the session and the',
    'per-user record, parse, decide. The others are real installs of the libraries, set up as their docs say.',
    `Load: the bench’s own generator (raw keep-alive sockets, every request’s bytes built before the run, so a different cookie on each costs it nothing more) in a process of its own, ${options.connections} connections, ${options.seconds} s per run, ${options.rounds} rounds in an`,
    'order that shifts by one peer each round (after a warm-up run each); the figures are the medians of the rounds.',
    `Redis ${result.versions.redis} is a private \`redis-server\` the bench starts; PostgreSQL ${result.versions.postgres}`,
    'is the shared server with a database of the bench’s own. Commands and queries per request are counted by relays',
    'between a separate instance of each server and Redis / PostgreSQL (what the server sends; a Lua script is one',
    'command), over 2,000 requests.',
    'Each run here sends one session’s cookie, as one browser does; the next table has a different session on every',
    'request, and forged cookies.',
    '',
    `### All checks, ${fixed(scales[0] ?? NaN)} stored sessions`,
    '',
    '| check | req/s | p50 ms | p99 ms | Redis commands / req | DB queries / req | ours ÷ this (req/s) | revokes at once |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...mainRows,
    '',
    '### Cold, warm and made-up cookies',
    '',
    `Warm: one session's cookie on every request, as above. Cold: a different session on every request, ${fixed(options.coldRequests)} in a run`,
    'and none repeated within it: a visitor this process has never seen, the first request after a restart, a flood',
    'of real cookies. Sessions the check stores are seeded ones spread over its largest store (so warm is read at that',
    'size too), each last seen a moment before its run; the JWTs are fresh sign-ins, one per request. Ours renews a',
    'session’s expiry at most once a renewal interval (SESSION_TOUCH_SECONDS, 60 s): its extra row has every session',
    'last seen longer ago than that, a returning visitor whose first request writes. Made-up: a real cookie with 8 characters of its',
    'signature or MAC replaced, a different forgery on every request, all refused. The CPU is the server process’s',
    'own (user and system time of every thread, /proc), divided by the requests of the run: what one request costs it,',
    'whatever the load generator on the other core does.',
    '',
    '| check | warm req/s / p99 ms | cold req/s / p99 ms | cold ÷ warm | CPU µs a request: warm / cold / made-up | made-up req/s | ours cold ÷ this cold |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...variantRows,
    '',
    '### From a thousand to a million stored sessions',
    '',
    'The checks that read stored state, at each number of stored sessions (seeded straight into each store in its own',
    `layout, ${SESSIONS_PER_USER} sessions per user; for the deny-list, that many revoked tokens). req/s / p99 ms, medians of the rounds.`,
    'Each number of stored sessions has its own private Redis and database, and a round runs one check at every size',
    'back to back, so the machine’s drift reaches every size alike. The change is the median, over the rounds, of',
    'the largest size’s req/s ÷ the smallest’s in the same round.',
    '',
    `| check | ${scales.map((scale) => `${fixed(scale)} sessions`).join(' | ')} | change, first to last |`,
    `| --- | ${scales.map(() => '---:').join(' | ')} | ---: |`,
    ...scaleRows,
    '',
    'Store size per seeded session (Redis `used_memory` growth while seeding the largest store, or the table with its',
    'index for PostgreSQL), and the seconds seeding took in all:',
    '',
    '| store | bytes per session | seconds to seed |',
    '| --- | ---: | ---: |',
    ...bytesRows,
    '',
    '### Memory: bytes per session in Redis',
    '',
    `${fixed(memory.sessions)} sessions across ${fixed(memory.users)} users, each created by lib/session's own`,
    '`createSession` (with an IP and a desktop browser’s user agent, which it keeps as the device list’s name for it), on an empty',
    `private Redis: \`used_memory\` grew by ${fixed(memory.bytes)} bytes in ${fixed(memory.keys)} keys, **${fixed(memory.bytes / memory.sessions)} bytes per session**,`,
    'the session string and its share of the per-user record and the per-user index included.',
    `One key of each kind (\`MEMORY USAGE\`): session ${memory.parts.session} B (encoding ${memory.sessionEncoding}), user record`,
    `${memory.parts.user} B and index ${memory.parts.index} B (each shared by ${SESSIONS_PER_USER} sessions): ${fixed(memory.parts.session + (memory.parts.user + memory.parts.index) / SESSIONS_PER_USER)} B per session;`,
    'the rest is the keyspace’s own tables (main and expiry dictionaries, one entry per key with a TTL) and allocator slack.',
    '',
    '### Revocation lag',
    '',
    `A fresh session; four loops send \`GET /me\` with its cookie; the logout is sent, and from the moment it returns,`,
    `every request started in the next ${options.revocationWindowSeconds} s is counted. For the JWT-style checks, a copy of the`,
    'cookie (a stolen one, another tab) keeps working until it expires whatever the server does; the count shows it.',
    '',
    '| check | after the logout returns |',
    '| --- | --- |',
    ...lagRows,
    `| ours, after a ban (lib/users' atomic change: user record rewritten, every session deleted) | ${lagText(peerById('ours'), result.banLag, options.revocationWindowSeconds)} |`,
    '',
  ].join('\n');
}

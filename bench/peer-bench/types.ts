import type { ChildProcess } from 'node:child_process';
import type { Sample } from '../load';
import type { PeerContext } from '../peers/types';

export type PeerBenchOptions = {
  seconds: number;
  connections: number;
  rounds: number;
  scales: number[];
  /** How long after a logout returns the revocation probe keeps asking. */
  revocationWindowSeconds: number;
  /** Sessions (and users) for the memory figure. */
  memorySessions: number;
  /** Requests in a cold or made-up run, each with a cookie of its own. */
  coldRequests: number;
  databaseServerUrl: string;
};

export type Traffic = { redis: number; redisNames: string; queries: number };
export type Lag = { requestsAfter: number; staleAfter: number; lastStaleMs: number | null };
/** Runs of one check: the load's figures, and the server's CPU time per request (µs, from /proc) of each. */
export type Timed = { samples: Sample[]; cpu: number[] };

/**
 * warm: one session's cookie on every request, as one browser sends it. cold: a different session on every request,
 * none repeated within a run (a visitor this process has never seen, a cookie flood, the first request after a
 * restart), each last seen a moment ago. renewal-due: the same, but each last seen longer ago than the renewal
 * interval (a returning visitor), for a check that renews on use. made-up: a forged cookie on every request.
 */
export type Variant = 'warm' | 'cold' | 'renewal-due' | 'made-up';
export const variantId = (id: string, variant: Variant) => (variant === 'warm' ? id : `${id}:${variant}`);

export type PeerBenchResult = {
  options: PeerBenchOptions;
  versions: { redis: string; postgres: string };
  /** Per scale, per peer id. */
  timed: Map<number, Map<string, Timed>>;
  traffic: Map<string, Traffic>;
  lag: Map<string, Lag>;
  banLag: Lag;
  /** Per peer id, bytes per session measured while seeding the largest step (Redis used_memory or table size). */
  seededBytes: Map<string, number>;
  seedSeconds: Map<string, number>;
  memory: Memory;
};

export type Memory = {
  sessions: number;
  users: number;
  bytes: number;
  keys: number;
  /** MEMORY USAGE of one key of each kind. */
  parts: { session: number; user: number; index: number };
  /** OBJECT ENCODING of a session's string (embstr up to 44 bytes, else raw). */
  sessionEncoding: string;
};

export type Server = {
  id: string;
  /** How many sessions its store holds. */
  scale: number;
  base: string;
  child: ChildProcess;
  cookie: string;
  variant: Variant;
  /** For cold and made-up runs: the cookies of run `run` (0 is the warm-up), one per request. */
  makeCookies?: (run: number) => Promise<string[]>;
};

export type Store = { scale: number; redis: ChildProcess; database: string; context: PeerContext };

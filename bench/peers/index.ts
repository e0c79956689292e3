import { betterAuthCookieCache, betterAuthNoCache } from './better-auth';
import { expressSession } from './express-session';
import { joseJwt, jsonwebtokenJwt, jwtDenyList, nextAuthJwt } from './jwt';
import { noCheck } from './none';
import { ours } from './ours';
import { pgTable } from './pg-table';
import { redisGet } from './redis-get';
import type { PeerDefinition } from './types';

/** Every compared check, in the order the report lists them. */
export const PEERS: PeerDefinition[] = [
  noCheck,
  ours,
  redisGet,
  joseJwt,
  jsonwebtokenJwt,
  nextAuthJwt,
  pgTable,
  expressSession,
  betterAuthNoCache,
  betterAuthCookieCache,
  jwtDenyList,
];

export function peerById(id: string): PeerDefinition {
  const peer = PEERS.find((candidate) => candidate.id === id);
  if (!peer) throw new Error(`Unknown peer ${id}; one of ${PEERS.map((p) => p.id).join(', ')}.`);
  return peer;
}

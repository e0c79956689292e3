// The cold and made-up runs: which cookies each request of a run sends.
import { randomBytes } from 'node:crypto';
import type { PeerContext, PeerDefinition } from '../peers/types';
import { signIn } from './servers';
import type { Server } from './types';

export async function inBatches<T>(count: number, make: (index: number) => Promise<T> | T): Promise<T[]> {
  const made: T[] = [];
  for (let start = 0; start < count; start += 200) {
    made.push(
      ...(await Promise.all(Array.from({ length: Math.min(200, count - start) }, (_, i) => make(start + i)))),
    );
  }
  return made;
}

// A prime that divides no store size the bench uses, so stepping by it visits every seeded session once.
export const SEEDED_STRIDE = 7_919;

/**
 * A cold run's cookies: seeded sessions spread over the largest store (each run its own, none used twice), or, for a
 * check that stores nothing per session, that many fresh sign-ins. Null where neither is affordable. A check that
 * renews sessions on use gets its run's sessions rewritten first as last seen a moment ago: the visitors of a
 * restart or a flood were active lately, whenever the bench seeded the store. Its renewal-due run (`lastSeenAgoMs`)
 * has them last seen longer ago than the renewal interval: a returning visitor, one renewal write each.
 */
export function coldVariant(
  definition: PeerDefinition,
  server: Server,
  context: PeerContext,
  requests: number,
  renewal?: { lastSeenAgoMs: number },
): Server | null {
  const { seededCookie, refreshSeeded } = definition;
  if (renewal && !refreshSeeded) return null;
  if (seededCookie) {
    const count = Math.min(requests, server.scale);
    const variant = renewal ? 'renewal-due' : 'cold';
    // The renewal-due runs take the other half of the store: no session is in two runs (at a million stored).
    const offset = renewal ? Math.floor(server.scale / 2) : 0;
    return {
      ...server,
      variant,
      makeCookies: async (run) => {
        const indices = Array.from(
          { length: count },
          (_, k) => ((offset + run * count + k) * SEEDED_STRIDE) % server.scale,
        );
        await refreshSeeded?.(context, indices, Date.now() - (renewal?.lastSeenAgoMs ?? 0));
        return inBatches(count, (k) => seededCookie(context, indices[k] as number));
      },
    };
  }
  if (definition.costlySignIn || definition.id === 'none') return null;
  return {
    ...server,
    variant: 'cold',
    makeCookies: (run) => inBatches(requests, (k) => signIn(server.base, `cold-${run}-${k}`)),
  };
}

export const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A real cookie with the 8 characters before the last 2 of each value replaced: the signature or MAC, in every check. */
export function forge(cookie: string): string {
  return cookie
    .split('; ')
    .map((pair) => {
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value.length < 12) return pair;
      const random = Array.from(randomBytes(8), (byte) => BASE64URL[byte % 64]).join('');
      return `${pair.slice(0, at + 1)}${value.slice(0, -10)}${random}${value.slice(-2)}`;
    })
    .join('; ');
}

export function madeUpVariant(server: Server, requests: number): Server | null {
  if (server.id === 'none') return null;
  return {
    ...server,
    variant: 'made-up',
    makeCookies: async (run) => {
      const real = await signIn(server.base, `forged-${run}`);
      return Array.from({ length: requests }, () => forge(real));
    },
  };
}

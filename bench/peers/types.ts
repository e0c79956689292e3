import type { IncomingMessage, ServerResponse } from 'node:http';

// What every compared session check provides, so one server, one load generator and one revocation probe drive
// them all alike (bench/peers/server.ts). Each peer is the library as its documentation sets it up, nothing tuned.

export type PeerContext = {
  redisUrl: string;
  databaseUrl: string;
  /** Every Redis key a peer writes starts with this (the bench's private Redis, or a test prefix). */
  prefix: string;
  /** 32+ characters: signs or encrypts whatever the peer hands the browser. */
  secret: string;
};

export type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export type Peer = {
  /** GET /me: 200 with the user's id for a live credential, 401 otherwise. */
  me: Handler;
  /** POST /login?user=<id>: answers with the Set-Cookie header(s) of a new session. */
  login(request: IncomingMessage, response: ServerResponse, userId: string): Promise<void>;
  /** POST /logout with the cookie: whatever the library does to end the session on the server, then 204. */
  logout: Handler;
  close(): Promise<void>;
};

export type PeerDefinition = {
  id: string;
  label: string;
  /** Null when the server can end a session at once; otherwise how long a copied credential keeps working. */
  staleFor: string | null;
  /** Whether the check reads stored state (measured at every scale) or only the credential. */
  stateful: boolean;
  /** Creates what the peer's store needs (tables) once, before any server starts. */
  prepare?(context: PeerContext): Promise<void>;
  start(context: PeerContext): Promise<Peer>;
  /** Stores sessions [from, to) as the library lays them out, straight into its store, for the scale runs. */
  seed?(context: PeerContext, from: number, to: number): Promise<void>;
  /** The Cookie header of seeded session `index`, as the browser that signed in would send it (the cold runs). */
  seededCookie?(context: PeerContext, index: number): Promise<string> | string;
  /**
   * Writes seeded sessions `indices` again as last seen at `lastSeenAt`, for a check that renews a session's expiry
   * on use: a cold run's visitors then were active a moment ago (or, for its renewal-due run, longer ago than the
   * renewal interval), whenever the store was seeded.
   */
  refreshSeeded?(context: PeerContext, indices: number[], lastSeenAt: number): Promise<void>;
  /** Why the cold runs cannot sign in tens of thousands of fresh sessions, where its sign-in is too costly. */
  costlySignIn?: string;
};

export function answer(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

export const signedOut = (response: ServerResponse) =>
  answer(response, 401, { error: { code: 'unauthorized', message: 'Sign in first.' } });

/** How many sessions share one user in the seeded stores (the memory figure uses the same ratio). */
export const SESSIONS_PER_USER = 10;

export const seededUserId = (index: number) => `seed-user-${Math.floor(index / SESSIONS_PER_USER)}`;

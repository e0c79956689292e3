import 'server-only';
import { AppError } from '@/lib/http/errors';
import { shutdownSignal } from '@/lib/lifecycle';
import type { SessionCheck } from '@/lib/session';
import { checkSession } from './session-check';
import type { Role, Tier } from '@/lib/access';
import { getUserEventHub } from './events';
import { getLiveStreams, newStreamId, STREAM_MAX_AGE_MS, type LiveStreams } from './live-streams';

// Open tabs follow their session: an SSE stream fed by the user's events where Redis has pub/sub (TCP), a poll of
// /api/account/state where it does not (REST). Both say the same thing: the session's LiveState.

export const POLL_INTERVAL_MS = 2_000;
const HEARTBEAT_MS = 25_000;

/** What an open tab needs to know about its session: /api/account/state and each open-tab event. */
export type LiveState =
  | { status: 'active'; role: Role; tier: Tier; version: number }
  | { status: 'banned' }
  /** reason 'revoked': another device or an admin ended it (the stream says so; a poll cannot tell). */
  | { status: 'signed-out'; reason?: 'revoked' };

function liveState(state: SessionCheck): LiveState {
  if (state.current) {
    const { role, tier, version } = state.current.user;
    return { status: 'active', role, tier, version };
  }
  return state.banned ? { status: 'banned' } : { status: 'signed-out' };
}

/** 401 signed out, 403 banned (the notice is left for /banned), else the tab's state. */
export function requireLiveState(state: SessionCheck): LiveState & { status: 'active' } {
  const live = liveState(state);
  if (live.status === 'banned') throw new AppError('banned', 'This account has been suspended.');
  if (live.status === 'signed-out') throw new AppError('unauthenticated', 'Sign in to continue.');
  return live;
}

/** The message a stream's last event carries when a newer stream of the session or user took its place. */
export const SUPERSEDED = { status: 'superseded' } as const;

/**
 * The event stream of one session: its state now, then again after every event of its user, until it is no longer
 * active, a newer stream takes its place (lib/users/live-streams.ts: it says so, then ends), it is an hour old (the
 * tab reconnects) or the client goes. Null where Redis has no pub/sub: the caller tells the tab to poll.
 */
export async function openLiveStream(
  state: SessionCheck & { current: NonNullable<SessionCheck['current']> },
  signal: AbortSignal,
  streams: LiveStreams = getLiveStreams(),
): Promise<ReadableStream<Uint8Array> | null> {
  const hub = getUserEventHub();
  if (!hub) return null;
  const { token, user, session } = state.current;
  const entry = { userId: user.id, sessionId: session.id, streamId: newStreamId() };
  const encoder = new TextEncoder();
  let stop = () => {};

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      // Counted in the user's streams, until it ends; one a newer stream closed was counted out by that one.
      let counted = false;
      let superseded = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        stop();
        controller.close();
      };
      const push = (live: LiveState | typeof SUPERSEDED) => {
        send(`data: ${JSON.stringify(live)}\n\n`);
        if (live.status !== 'active') close();
      };
      const unlisten = await hub.listen(user.id, (event) => {
        if (event.kind === 'streams-closed') {
          if (!event.streams.includes(entry.streamId)) return;
          superseded = true;
          counted = false;
          push(SUPERSEDED);
          return;
        }
        // Each change is a cue to look again: the session's own state is what the tab is told, and whether a
        // revocation ended it (the sign-in page says so) rather than a sign-out in this browser.
        checkSession(token).then(
          (next) => {
            const live = liveState(next);
            push(
              live.status === 'signed-out' && event.kind === 'revoked'
                ? { ...live, reason: 'revoked' }
                : live,
            );
          },
          () => close(),
        );
      });
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
      const retire = setTimeout(close, STREAM_MAX_AGE_MS);
      // A server shutting down ends the stream, so its drain can finish; the tab reconnects to another instance.
      const shuttingDown = shutdownSignal();
      stop = () => {
        clearInterval(heartbeat);
        clearTimeout(retire);
        unlisten();
        shuttingDown.removeEventListener('abort', close);
        if (counted) {
          counted = false;
          streams.close(entry).catch((error: unknown) => {
            // The member ages out within STREAM_MAX_AGE_MS, or a newer stream closes it first.
            console.error('Could not count an event stream out', error);
          });
        }
      };
      signal.addEventListener('abort', close, { once: true });
      shuttingDown.addEventListener('abort', close, { once: true });
      if (shuttingDown.aborted || signal.aborted) return close();
      send(`retry: ${POLL_INTERVAL_MS}\n\n`);
      push(liveState(state));
      try {
        // After listening, so a newer stream that closes this one at once is heard.
        await streams.open(entry);
      } catch (error) {
        stop();
        throw error;
      }
      if (!superseded) counted = true;
      // Ended while it was being counted in: count it out now.
      if (closed) stop();
    },
    cancel() {
      stop();
    },
  });
}

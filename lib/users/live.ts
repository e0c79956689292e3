import 'server-only';
import { AppError } from '@/lib/http/errors';
import { shutdownSignal } from '@/lib/lifecycle';
import { checkSessionToken, type SessionState } from '@/lib/session';
import { liveState, type LiveState } from '@/lib/session/view';
import { getUserEventHub } from './events';

// Open tabs follow their session: an SSE stream fed by the user's events where Redis has pub/sub (TCP), a poll of
// /api/account/state where it does not (REST). Both say the same thing: the session's LiveState.

export const POLL_INTERVAL_MS = 2_000;
const HEARTBEAT_MS = 25_000;

/** 401 signed out, 403 banned (the notice is left for /banned), else the tab's state. */
export function requireLiveState(state: SessionState): LiveState & { status: 'active' } {
  const live = liveState(state);
  if (live.status === 'banned') throw new AppError('banned', 'This account has been suspended.');
  if (live.status === 'signed-out') throw new AppError('unauthenticated', 'Sign in to continue.');
  return live;
}

/**
 * The event stream of one session: its state now, then again after every event of its user, until it is no longer
 * active or the client goes. Null where Redis has no pub/sub: the caller tells the tab to poll.
 */
export async function openLiveStream(
  state: SessionState & { current: NonNullable<SessionState['current']> },
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array> | null> {
  const hub = getUserEventHub();
  if (!hub) return null;
  const { token, user } = state.current;
  const encoder = new TextEncoder();
  let stop = () => {};

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        stop();
        controller.close();
      };
      const push = (live: LiveState) => {
        send(`data: ${JSON.stringify(live)}\n\n`);
        if (live.status !== 'active') close();
      };
      // Each event is a cue to look again: the session's own state is what the tab is told.
      const unlisten = await hub.listen(user.id, () => {
        checkSessionToken(token).then(
          (next) => push(liveState(next)),
          () => close(),
        );
      });
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
      // A server shutting down ends the stream, so its drain can finish; the tab reconnects to another instance.
      const shuttingDown = shutdownSignal();
      stop = () => {
        clearInterval(heartbeat);
        unlisten();
        shuttingDown.removeEventListener('abort', close);
      };
      signal.addEventListener('abort', close, { once: true });
      shuttingDown.addEventListener('abort', close, { once: true });
      if (shuttingDown.aborted) close();
      send(`retry: ${POLL_INTERVAL_MS}\n\n`);
      push(liveState(state));
    },
    cancel() {
      stop();
    },
  });
}

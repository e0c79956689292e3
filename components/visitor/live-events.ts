import type { z } from 'zod';
import type { pollInsteadSchema } from '@/lib/session/schema';
import type { LiveState, SUPERSEDED } from '@/lib/users/live';

// An open tab follows its session without a click: GET /api/account/events (server-sent events, read with fetch so
// the status is visible: 401 signed out, 403 banned), or a poll of /api/account/state where the server says so.
// A session and a user hold only a few streams (lib/users/live-streams.ts): a tab whose stream a newer one replaced
// waits until it is shown or focused again before it reconnects, so hidden tabs never take turns stealing the
// slots back. Only a signed-in visitor is followed (the visitor store says who that is).

type StreamMessage = LiveState | typeof SUPERSEDED;
type PollInstead = z.infer<typeof pollInsteadSchema>;

const RECONNECT_MS = 2_000;

function parseEvents(buffer: string): { messages: StreamMessage[]; rest: string } {
  const blocks = buffer.split('\n\n');
  const rest = blocks.pop() ?? '';
  const messages: StreamMessage[] = [];
  for (const block of blocks) {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trim())
      .join('\n');
    if (data) messages.push(JSON.parse(data) as StreamMessage);
  }
  return { messages, rest };
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  });

/** Resolves when the tab is next shown or focused (or stops following). */
const shownAgain = (signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      window.removeEventListener('focus', done);
      document.removeEventListener('visibilitychange', onVisibility);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') done();
    };
    window.addEventListener('focus', done);
    document.addEventListener('visibilitychange', onVisibility);
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Calls `onLive` with every state the session's stream (or poll) reports, until `signal` aborts or the session ends
 * (signed out, banned: reported, then the following stops).
 */
export function followLiveState(signal: AbortSignal, onLive: (live: LiveState) => void): void {
  let ended = false;
  const following = () => !ended && !signal.aborted;

  /** False once the session has ended. */
  const apply = (live: LiveState): boolean => {
    if (!following()) return false;
    onLive(live);
    ended = live.status !== 'active';
    return !ended;
  };

  /** Applies a 401/403 answer; false when the following ends. */
  const applyStatus = (status: number): boolean => {
    if (status === 403) return apply({ status: 'banned' });
    if (status === 401) return apply({ status: 'signed-out' });
    return true;
  };

  async function poll(path: string, intervalMs: number) {
    while (following()) {
      await wait(intervalMs, signal);
      if (!following()) return;
      const response = await fetch(path, { signal, cache: 'no-store' }).catch(() => null);
      if (!response) continue;
      if (!applyStatus(response.status)) return;
      if (response.ok && !apply((await response.json()) as LiveState)) return;
    }
  }

  /** Follows one stream to its end; 'superseded' when a newer stream took its place. */
  async function stream(body: ReadableStream<Uint8Array>): Promise<'ended' | 'superseded'> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'ended';
      const parsed = parseEvents(buffer + decoder.decode(value, { stream: true }));
      buffer = parsed.rest;
      for (const message of parsed.messages) {
        if (message.status === 'superseded') return 'superseded';
        if (!apply(message)) return 'ended';
      }
    }
  }

  async function follow() {
    while (following()) {
      try {
        const response = await fetch('/api/account/events', {
          signal,
          cache: 'no-store',
          headers: { accept: 'text/event-stream' },
        });
        if (!applyStatus(response.status)) return;
        if (response.ok && response.headers.get('content-type')?.startsWith('application/json')) {
          const { poll: path, intervalMs } = (await response.json()) as PollInstead;
          return poll(path, intervalMs);
        }
        // A stream the server retired (an hour old, a shutdown) is followed again below.
        if (response.ok && response.body && (await stream(response.body)) === 'superseded') {
          await shownAgain(signal);
          continue;
        }
      } catch {
        // A dropped connection: reconnect below.
      }
      await wait(RECONNECT_MS, signal);
    }
  }

  void follow();
}

'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

// Keeps an open tab in step with its session without a click: a ban takes it to /banned, a revocation to the
// login page, a change of tier or role refreshes what the server rendered and tells the header's session store
// ('session:refresh'). It follows GET /api/account/events (server-sent events, read with fetch so the status is
// visible: 401 means nobody is signed in and it stays quiet), or polls /api/account/state where the server says so.
// A session and a user hold only a few streams (lib/users/live-streams.ts): a tab whose stream a newer one
// replaced waits until it is shown or focused again before it reconnects, so hidden tabs never take turns
// stealing the slots back. Mounted once, in the root layout.

type LiveState =
  | { status: 'active'; role: string; tier: string; version: number }
  | { status: 'banned' }
  | { status: 'signed-out' };

/** What a stream says: the session's state, or, last, that a newer stream of the session or user replaced it. */
type StreamMessage = LiveState | { status: 'superseded' };

const RECONNECT_MS = 2_000;

function parseEvents(buffer: string): { states: StreamMessage[]; rest: string } {
  const blocks = buffer.split('\n\n');
  const rest = blocks.pop() ?? '';
  const states: StreamMessage[] = [];
  for (const block of blocks) {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trim())
      .join('\n');
    if (data) states.push(JSON.parse(data) as StreamMessage);
  }
  return { states, rest };
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

export function AccountEvents() {
  const router = useRouter();
  const pathname = usePathname();
  const following = useRef<AbortController | null>(null);

  useEffect(() => {
    // Already following this session; a navigation changes nothing. Signed out so far: look again on each page,
    // the user may just have signed in.
    if (following.current || pathname === '/banned') return;
    const controller = new AbortController();
    const { signal } = controller;
    following.current = controller;
    let known: string | null = null;

    const stop = () => {
      controller.abort();
      following.current = null;
    };

    /** False once the tab leaves or stops following. */
    const apply = (state: LiveState): boolean => {
      if (state.status === 'banned') {
        stop();
        router.replace('/banned');
        return false;
      }
      if (state.status === 'signed-out') {
        stop();
        const next = window.location.pathname + window.location.search;
        router.replace(`/login?next=${encodeURIComponent(next)}`);
        return false;
      }
      const key = `${state.role}:${state.tier}:${state.version}`;
      if (known !== null && key !== known) {
        window.dispatchEvent(new Event('session:refresh'));
        router.refresh();
      }
      known = key;
      return true;
    };

    /** Applies a 401/403 answer; false when the tab should stop. */
    const applyStatus = (status: number): boolean => {
      if (status === 403) return apply({ status: 'banned' });
      if (status === 401) {
        // Never signed in on this page: nothing to follow. Signed in before: the session was revoked.
        if (known === null) stop();
        else apply({ status: 'signed-out' });
        return false;
      }
      return true;
    };

    async function poll(path: string, intervalMs: number) {
      while (!signal.aborted) {
        await wait(intervalMs, signal);
        if (signal.aborted) return;
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
        for (const state of parsed.states) {
          if (state.status === 'superseded') return 'superseded';
          if (!apply(state)) return 'ended';
        }
      }
    }

    async function follow() {
      while (!signal.aborted) {
        try {
          const response = await fetch('/api/account/events', {
            signal,
            cache: 'no-store',
            headers: { accept: 'text/event-stream' },
          });
          if (!applyStatus(response.status)) return;
          if (response.ok && response.headers.get('content-type')?.startsWith('application/json')) {
            const { poll: path, intervalMs } = (await response.json()) as {
              poll: string;
              intervalMs: number;
            };
            return poll(path, intervalMs);
          }
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
  }, [pathname, router]);

  useEffect(() => () => following.current?.abort(), []);

  return null;
}

import { readApiSessionState } from '@/lib/auth/gate';
import { apiHandler } from '@/lib/http/handler';
import { jsonAnswer, NO_STORE } from '@/lib/http/no-store';
import type { z } from 'zod';
import type { pollInsteadSchema } from '@/lib/session/schema';
import { openLiveStream, POLL_INTERVAL_MS, requireLiveState } from '@/lib/users';

type PollInstead = z.infer<typeof pollInsteadSchema>;

// Server-sent events for an open tab (Node runtime, the default: it holds a pub/sub listener). 401 tells a page
// nobody is signed in; where Redis has no pub/sub the answer is JSON telling the tab to poll /api/account/state.
export const GET = apiHandler(async (request: Request) => {
  const state = await readApiSessionState(request);
  requireLiveState(state);
  const stream =
    state.current && (await openLiveStream({ ...state, current: state.current }, request.signal));
  if (!stream) {
    return jsonAnswer({ poll: '/api/account/state', intervalMs: POLL_INTERVAL_MS } satisfies PollInstead);
  }
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': `${NO_STORE}, no-transform`,
      Connection: 'keep-alive',
      // Proxies that buffer responses (nginx) would hold the events back.
      'X-Accel-Buffering': 'no',
    },
  });
});

import { readApiSessionState } from '@/lib/auth/gate';
import { apiHandler } from '@/lib/http/handler';
import { requireLiveState } from '@/lib/users';
import { jsonAnswer } from '@/lib/http/no-store';

// What an open tab polls where Redis has no pub/sub (REST): its session's role, tier and version, 401 or 403.
export const GET = apiHandler(async (request: Request) => {
  const live = requireLiveState(await readApiSessionState(request));
  return jsonAnswer(live);
});

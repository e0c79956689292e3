import { apiHandler } from '@/lib/http/handler';
import { LAB_NO_STORE } from '@/lib/lab/answers';
import { denylistMe } from '@/lib/lab/denylist-me';

export const GET = apiHandler(async (request: Request) =>
  Response.json(await denylistMe(request), { headers: LAB_NO_STORE }),
);

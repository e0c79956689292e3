import { apiHandler } from '@/lib/http/handler';
import { LAB_NO_STORE } from '@/lib/lab/answers';
import { redisMe } from '@/lib/lab/redis-me';

export const GET = apiHandler(async (request: Request) =>
  Response.json(await redisMe(request), { headers: LAB_NO_STORE }),
);

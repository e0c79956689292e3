import { apiHandler } from '@/lib/http/handler';
import { LAB_NO_STORE } from '@/lib/lab/answers';
import { jwtMe } from '@/lib/lab/jwt-me';

export const GET = apiHandler(async (request: Request) =>
  Response.json(await jwtMe(request), { headers: LAB_NO_STORE }),
);

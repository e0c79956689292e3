import { apiHandler } from '@/lib/http/handler';
import { redisMe } from '@/lib/lab/redis-me';
import { jsonAnswer } from '@/lib/http/no-store';

export const GET = apiHandler(async (request: Request) => jsonAnswer(await redisMe(request)));

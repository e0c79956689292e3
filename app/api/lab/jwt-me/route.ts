import { apiHandler } from '@/lib/http/handler';
import { jwtMe } from '@/lib/lab/jwt-me';
import { jsonAnswer } from '@/lib/http/no-store';

export const GET = apiHandler(async (request: Request) => jsonAnswer(await jwtMe(request)));

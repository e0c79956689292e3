import { apiHandler } from '@/lib/http/handler';
import { denylistMe } from '@/lib/lab/denylist-me';
import { jsonAnswer } from '@/lib/http/no-store';

export const GET = apiHandler(async (request: Request) => jsonAnswer(await denylistMe(request)));

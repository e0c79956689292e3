import { requireApiUser } from '@/lib/auth/gate';
import { signedOutResponse } from '@/lib/auth/http';
import { sessionIdParamsSchema } from '@/lib/auth/schema';
import { mutationHandler } from '@/lib/http/handler';
import { AppError } from '@/lib/http/errors';
import { requestIsHttps } from '@/lib/http/scheme';
import { revokeOwnSession } from '@/lib/session';
import { emptyAnswer } from '@/lib/http/no-store';

// 400 for something that is not a session id at all. 404 for an id that is not one of the caller's sessions,
// whether it belongs to someone else or to nobody: the answers are the same, so it tells nothing about others.
export const DELETE = mutationHandler(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const current = await requireApiUser(request);
    const { id } = sessionIdParamsSchema.parse(await params);
    const revoked = await revokeOwnSession(current, id);
    if (!revoked) throw new AppError('not_found', 'No such session on your account.');
    if (id === current.session.id) return signedOutResponse(requestIsHttps(request.headers));
    return emptyAnswer();
  },
);

import type { Metadata } from 'next';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { revokeOtherSessionsAction, revokeOwnSessionAction } from '@/lib/auth/actions';
import { requireUser } from '@/lib/auth/gate';
import { listDeviceSessions } from '@/lib/session';

export const metadata: Metadata = { title: 'Signed-in devices' };

const timeFormat = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

function When({ at }: { at: number }) {
  const date = new Date(at);
  return <time dateTime={date.toISOString()}>{timeFormat.format(date)} UTC</time>;
}

export default async function SessionsPage() {
  const current = await requireUser('/account/sessions');
  const sessions = await listDeviceSessions(current);
  const others = sessions.filter((session) => !session.current).length;
  return (
    <Container className="py-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Signed-in devices</h1>
          <p className="mt-1 text-sm text-slate-600">
            Signing a device out takes effect on its very next request.
          </p>
        </div>
        {others > 0 ? (
          <form action={revokeOtherSessionsAction}>
            <Button type="submit" variant="danger">
              Sign out everywhere else
            </Button>
          </form>
        ) : null}
      </div>
      <Card className="mt-6">
        <ul className="divide-y divide-slate-100" aria-label="Sessions">
          {sessions.map((session) => {
            return (
              <li
                key={session.id}
                data-testid="device-session"
                data-session-id={session.id}
                className="flex flex-wrap items-center justify-between gap-4 px-6 py-4"
              >
                <div className="min-w-0">
                  <p className="flex items-center gap-2 font-medium text-slate-900">
                    {session.device ?? 'Unknown device'}
                    {session.current ? <Badge tone="success">This device</Badge> : null}
                  </p>
                  <p className="mt-1 text-sm text-slate-600">
                    {session.ip ?? 'IP address unknown'} · Signed in <When at={session.createdAt} /> · Last
                    seen <When at={session.lastSeenAt} /> ·{' '}
                    {session.persistent ? 'Kept signed in' : 'Until the browser closes'}
                  </p>
                </div>
                <form action={revokeOwnSessionAction}>
                  <input type="hidden" name="sessionId" value={session.id} />
                  <Button
                    type="submit"
                    variant="secondary"
                    size="sm"
                    aria-label={`Sign out ${session.device ?? 'Unknown device'}`}
                  >
                    {session.current ? 'Sign out' : 'Revoke'}
                  </Button>
                </form>
              </li>
            );
          })}
        </ul>
      </Card>
    </Container>
  );
}

import type { Metadata } from 'next';
import { When } from '@/components/admin/when';
import { LinkButton } from '@/components/ui/button';
import { Card, CardContent, CardHeader } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { getSessionState } from '@/lib/auth/gate';

export const metadata: Metadata = { title: 'Account suspended', robots: { index: false } };

// Where a browser whose session a ban ended is sent (by the gate, the proxy, or its open tab's events). The ban
// notice left under its token says whose ban it is; the reason and end come from the database.
export default async function BannedPage() {
  const { banned } = await getSessionState();
  return (
    <Container className="max-w-xl py-16">
      <Card>
        <CardHeader>
          <h1 className="text-lg font-semibold text-slate-900">
            {banned ? 'Your account is suspended' : 'You are signed out'}
          </h1>
        </CardHeader>
        <CardContent className="flex flex-col gap-4 text-sm text-slate-700">
          {banned ? (
            <>
              <dl className="grid gap-3" data-testid="ban-notice">
                <div>
                  <dt className="font-medium text-slate-900">Reason</dt>
                  <dd data-testid="ban-reason">{banned.reason ?? 'No reason was given.'}</dd>
                </div>
                <div>
                  <dt className="font-medium text-slate-900">Until</dt>
                  <dd>{banned.until === null ? 'Until further notice' : <When at={banned.until} />}</dd>
                </div>
              </dl>
              <p>
                Every session of this account has ended. You can sign in again once the suspension is over.
              </p>
            </>
          ) : (
            <p>There is no suspension on this browser&apos;s session. Sign in to continue.</p>
          )}
          <div>
            <LinkButton href="/login" variant="secondary">
              Go to sign in
            </LinkButton>
          </div>
        </CardContent>
      </Card>
    </Container>
  );
}

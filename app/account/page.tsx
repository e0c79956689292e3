import type { Metadata } from 'next';
import Link from 'next/link';
import { TierBadge } from '@/components/account/tier-badge';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { VerifyEmailBanner } from '@/components/account/verify-email-banner';
import { requireUser } from '@/lib/auth/gate';
import { db } from '@/lib/db';

export const metadata: Metadata = { title: 'Your account' };

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

export default async function AccountPage() {
  const { user } = await requireUser('/account');
  const profile = await db.user.findUnique({
    where: { id: user.id },
    select: { createdAt: true, emailVerifiedAt: true },
  });
  return (
    // As tall as the screen, like its loading skeleton: the footer stays below the fold when this streams in.
    <Container className="min-h-svh py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Your account</h1>
      {profile && !profile.emailVerifiedAt ? (
        <div className="mt-6 max-w-2xl">
          <VerifyEmailBanner email={user.email} />
        </div>
      ) : null}
      <Card className="mt-6 max-w-2xl">
        <CardHeader>
          <CardTitle>Profile</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-3 text-sm">
            <dt className="text-slate-600">Name</dt>
            <dd className="font-medium text-slate-900">{user.name}</dd>
            <dt className="text-slate-600">Email</dt>
            <dd className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
              {user.email}
              {profile?.emailVerifiedAt ? (
                <Badge tone="success">Verified</Badge>
              ) : (
                <Badge tone="warning">Not verified</Badge>
              )}
            </dd>
            <dt className="text-slate-600">Membership</dt>
            <dd>
              <TierBadge tier={user.tier} />
            </dd>
            {user.role === 'admin' ? (
              <>
                <dt className="text-slate-600">Role</dt>
                <dd>
                  <Badge tone="warning">Admin</Badge>
                </dd>
              </>
            ) : null}
            {profile ? (
              <>
                <dt className="text-slate-600">Member since</dt>
                <dd className="text-slate-900">
                  <time dateTime={profile.createdAt.toISOString()}>
                    {dateFormat.format(profile.createdAt)}
                  </time>
                </dd>
              </>
            ) : null}
          </dl>
        </CardContent>
      </Card>
      <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <Link href="/orders" className="text-brand-800 font-semibold hover:underline">
          Your orders
        </Link>
        <Link href="/account/sessions" className="text-brand-800 font-semibold hover:underline">
          See where you are signed in
        </Link>
        <Link href="/account/security" className="text-brand-800 font-semibold hover:underline">
          Change your password
        </Link>
      </p>
    </Container>
  );
}

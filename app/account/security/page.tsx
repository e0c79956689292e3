import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { VerifyEmailBanner } from '@/components/account/verify-email-banner';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { getEmailVerifiedAt } from '@/lib/auth/email-verification';
import { requireUser } from '@/lib/auth/gate';

export const metadata: Metadata = { title: 'Password and security' };

export default async function SecurityPage() {
  const { user } = await requireUser('/account/security');
  const verifiedAt = await getEmailVerifiedAt(user.id);
  return (
    <Container className="flex flex-col gap-6 py-10">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Password and security</h1>
        <p className="mt-1 text-sm text-slate-600">
          Changing your password signs out every other device on its next request.{' '}
          <Link href="/account/sessions" className="text-brand-800 font-semibold hover:underline">
            See your devices
          </Link>
        </p>
      </div>
      {verifiedAt ? null : <VerifyEmailBanner email={user.email} />}
      <Card className="max-w-xl">
        <CardHeader>
          <CardTitle>Change password</CardTitle>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
    </Container>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/auth/auth-card';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { resetLinkIsLive } from '@/lib/auth/password-change';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const given = typeof token === 'string' && token ? token : null;
  const live = given !== null && (await resetLinkIsLive(given));
  return (
    <AuthCard title="Choose a new password" intro="Setting a new password signs out every device.">
      {given && live ? (
        <ResetPasswordForm token={given} />
      ) : (
        <p role="alert" className="text-sm text-slate-700">
          {given ? 'This link was used or has expired.' : 'This link is incomplete.'}{' '}
          <Link href="/forgot-password" className="text-brand-800 font-semibold hover:underline">
            Ask for a new one
          </Link>
          .
        </p>
      )}
    </AuthCard>
  );
}

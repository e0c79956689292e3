import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { VerifyEmailForm } from '@/components/auth/verify-email-form';

export const metadata: Metadata = { title: 'Confirm your email address', referrer: 'no-referrer' };

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <AuthCard title="Confirm your email address" intro="One click and your address is verified.">
      {typeof token === 'string' && token ? (
        <VerifyEmailForm token={token} />
      ) : (
        <p className="text-sm text-slate-700">
          This link is incomplete. Open the link from the mail again, or ask for a new one from your account.
        </p>
      )}
    </AuthCard>
  );
}

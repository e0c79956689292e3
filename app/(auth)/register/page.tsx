import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { RegisterForm } from '@/components/auth/register-form';
import { SignedOutForm } from '@/components/auth/signed-out-form';

export const metadata: Metadata = { title: 'Create account' };

export default function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  return (
    <AuthCard
      title="Create your account"
      intro="Save your cart, track orders and see where you are signed in."
    >
      <SignedOutForm searchParams={searchParams} fields={3} form={(next) => <RegisterForm next={next} />} />
    </AuthCard>
  );
}

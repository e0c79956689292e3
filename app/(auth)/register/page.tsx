import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { RegisterForm } from '@/components/auth/register-form';
import { getSession } from '@/lib/auth/gate';
import { safeNextPath } from '@/lib/auth/redirect';

export const metadata: Metadata = { title: 'Create account' };

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const next = safeNextPath((await searchParams).next);
  if (await getSession()) redirect(next);
  return (
    <AuthCard
      title="Create your account"
      intro="Save your cart, track orders and see where you are signed in."
    >
      <RegisterForm next={next} />
    </AuthCard>
  );
}

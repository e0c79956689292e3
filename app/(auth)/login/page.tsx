import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { LoginForm } from '@/components/auth/login-form';
import { getSession } from '@/lib/auth/gate';
import { safeNextPath } from '@/lib/auth/redirect';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const next = safeNextPath((await searchParams).next);
  if (await getSession()) redirect(next);
  return (
    <AuthCard title="Sign in" intro="Welcome back to Northwind Supply.">
      <LoginForm next={next} />
    </AuthCard>
  );
}

import type { Metadata } from 'next';
import { AuthCard } from '@/components/auth/auth-card';
import { LoginForm } from '@/components/auth/login-form';
import { SignedOutElsewhere } from '@/components/auth/signed-out-elsewhere';
import { SignedOutForm } from '@/components/auth/signed-out-form';

export const metadata: Metadata = { title: 'Sign in' };

export default function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  return (
    <AuthCard title="Sign in" intro="Welcome back to Northwind Supply.">
      <SignedOutElsewhere />
      <SignedOutForm searchParams={searchParams} fields={2} form={(next) => <LoginForm next={next} />} />
    </AuthCard>
  );
}

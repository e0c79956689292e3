import { AuthCardSkeleton } from '@/components/auth/auth-card-skeleton';

export default function Loading() {
  return <AuthCardSkeleton />;
}

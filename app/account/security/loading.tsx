import { AccountPageSkeleton } from '@/components/account/account-page-skeleton';

export default function SecurityLoading() {
  return <AccountPageSkeleton />;
}

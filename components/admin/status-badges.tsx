import { Badge } from '@/components/ui/badge';
import type { Role, Tier } from '@/lib/access';

export function RoleBadge({ role }: { role: Role }) {
  return role === 'admin' ? <Badge tone="warning">Admin</Badge> : <Badge>Shopper</Badge>;
}

export function TierBadge({ tier }: { tier: Tier }) {
  return (
    <Badge tone={tier === 'premium' ? 'brand' : 'neutral'}>
      {tier === 'premium' ? 'Premium' : 'Standard'}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: 'active' | 'banned' }) {
  return status === 'banned' ? <Badge tone="danger">Banned</Badge> : <Badge tone="success">Active</Badge>;
}

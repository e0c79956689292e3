import { Badge } from '@/components/ui/badge';
import type { Tier } from '@/lib/access';

/** A member's tier, the same everywhere it is shown (header, account page, admin tables). */
export function TierBadge({ tier }: { tier: Tier }) {
  return (
    <Badge tone={tier === 'premium' ? 'brand' : 'neutral'} data-testid="tier-badge">
      {tier === 'premium' ? 'Premium' : 'Standard'}
    </Badge>
  );
}

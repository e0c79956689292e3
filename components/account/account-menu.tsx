import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button, LinkButton } from '@/components/ui/button';
import { getSession } from '@/lib/auth/gate';

/** The header's account area: sign-in links for visitors; name, tier, devices, admin and sign-out for a user. */
export async function AccountMenu() {
  const current = await getSession();
  if (!current) {
    return (
      <nav aria-label="Account" className="flex items-center gap-2">
        <LinkButton href="/login" variant="ghost" size="sm">
          Sign in
        </LinkButton>
        <LinkButton href="/register" variant="primary" size="sm">
          Create account
        </LinkButton>
      </nav>
    );
  }
  const { user } = current;
  return (
    <nav aria-label="Account" className="flex items-center gap-3 text-sm">
      <Link
        href="/account"
        className="hover:text-brand-800 flex items-center gap-2 font-medium text-slate-900"
      >
        <span data-testid="account-name">{user.name}</span>
        <Badge data-testid="tier-badge" tone={user.tier === 'premium' ? 'brand' : 'neutral'}>
          {user.tier === 'premium' ? 'Premium' : 'Standard'}
        </Badge>
      </Link>
      <Link href="/account/sessions" className="hover:text-brand-800 text-slate-700">
        Devices
      </Link>
      {user.role === 'admin' ? (
        <Link href="/admin" className="hover:text-brand-800 text-slate-700">
          Admin
        </Link>
      ) : null}
      {/* A plain POST to a route handler: a server action cannot send Clear-Site-Data. */}
      <form action="/logout" method="post">
        <Button type="submit" variant="secondary" size="sm">
          Sign out
        </Button>
      </form>
    </nav>
  );
}

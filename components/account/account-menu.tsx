'use client';

import Link from 'next/link';
import { Button, LinkButton } from '@/components/ui/button';
import { useVisitor } from '@/components/visitor/visitor-store';
import { loginPath, registerPath } from '@/lib/auth/redirect';
import { TierBadge } from './tier-badge';

// Same height in every state and a placeholder as wide as the signed-out links, so nothing moves when it arrives.
const MENU_CLASS = 'flex h-9 items-center';

/** The header's account area: sign-in links for visitors; name, tier, devices, admin and sign-out for a user. */
export function AccountMenu() {
  const { status, user } = useVisitor();
  if (status === 'loading') {
    return (
      <div className={MENU_CLASS} data-testid="account-menu-loading">
        <span className="sr-only">Loading your account</span>
        <span aria-hidden="true" className="h-8 w-52 rounded-lg bg-slate-100" />
      </div>
    );
  }
  if (!user) {
    return (
      <nav aria-label="Account" className={`${MENU_CLASS} gap-2`}>
        <LinkButton href={loginPath('/')} variant="ghost" size="sm">
          Sign in
        </LinkButton>
        <LinkButton href={registerPath('/')} variant="primary" size="sm">
          Create account
        </LinkButton>
      </nav>
    );
  }
  return (
    <nav aria-label="Account" className={`${MENU_CLASS} gap-3 text-sm`}>
      <Link
        href="/account"
        className="hover:text-brand-800 flex items-center gap-2 font-medium text-slate-900"
      >
        <span data-testid="account-name">{user.name}</span>
        <TierBadge tier={user.tier} />
      </Link>
      <Link href="/orders" className="hover:text-brand-800 text-slate-700">
        Orders
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

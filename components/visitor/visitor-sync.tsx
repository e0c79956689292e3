'use client';

import { usePathname, useRouter } from 'next/navigation';
import { Suspense, useEffect, useRef } from 'react';
import { followLiveState } from './live-events';
import { applyLive, loadVisitor, useVisitor } from './visitor-store';

/**
 * Keeps the visitor store in step, mounted once in the root layout: GET /api/session on each page view and when the
 * tab is shown again (a sign-in or sign-out in another tab), and, for a signed-in visitor only, the open-tab stream.
 * A ban takes the tab to /banned; a session another device ended, to the login page, which says so; a sign-out in
 * another tab of this browser, and a change of tier or role, refresh what the server rendered (a private page's
 * gate then sends a signed-out visitor to sign in).
 */
export function VisitorSync() {
  const router = useRouter();
  const userId = useVisitor().user?.id ?? null;

  useEffect(() => {
    loadVisitor();
    const onFocus = () => loadVisitor();
    const onVisibility = () => {
      if (document.visibilityState === 'visible') loadVisitor();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  useEffect(() => {
    if (!userId) return;
    const controller = new AbortController();
    let known: string | null = null;
    followLiveState(controller.signal, (live) => {
      applyLive(live);
      if (live.status === 'banned') return router.replace('/banned');
      if (live.status === 'signed-out' && live.reason === 'revoked') {
        const next = window.location.pathname + window.location.search;
        return router.replace(`/login?next=${encodeURIComponent(next)}`);
      }
      if (live.status === 'signed-out') return router.refresh();
      const key = `${live.role}:${live.tier}:${live.version}`;
      if (known !== null && key !== known) router.refresh();
      known = key;
    });
    return () => controller.abort();
  }, [userId, router]);

  return (
    // Its own boundary: on a route whose params are known only at request time, the pathname suspends.
    <Suspense fallback={null}>
      <ReloadOnNavigation />
    </Suspense>
  );
}

/** A client-side navigation is a page view too; sign-in and sign-out by server action end in one. */
function ReloadOnNavigation() {
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    loadVisitor();
  }, [pathname]);
  return null;
}

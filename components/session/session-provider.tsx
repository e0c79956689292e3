'use client';

import { usePathname } from 'next/navigation';
import { createContext, Suspense, useContext, useEffect, useRef, useState } from 'react';
import type { VisitorBody } from '@/lib/visitor';

// Pages are cached HTML, the same for every visitor; who the visitor is arrives here, from GET /api/session, once
// per page view (a full load or a client-side navigation) and again whenever `window` receives SESSION_REFRESH_EVENT.

/** Dispatch `new Event(SESSION_REFRESH_EVENT)` on `window` when the session may have changed (sign-in, tier change). */
export const SESSION_REFRESH_EVENT = 'session:refresh';

export type SessionState = { status: 'loading' } | ({ status: 'ready' } & VisitorBody);

const SessionContext = createContext<SessionState>({ status: 'loading' });

/** The visitor as the page knows it: `loading` until the first answer, then who they are (user null if nobody). */
export function useSession(): SessionState {
  return useContext(SessionContext);
}

/** Asks GET /api/session again, for every component that shows the visitor. */
export function refreshSession(): void {
  window.dispatchEvent(new Event(SESSION_REFRESH_EVENT));
}

async function fetchSession(signal: AbortSignal): Promise<VisitorBody> {
  const response = await fetch('/api/session', { cache: 'no-store', credentials: 'same-origin', signal });
  if (!response.ok) throw new Error(`GET /api/session answered ${response.status}`);
  return (await response.json()) as VisitorBody;
}

export function SessionProvider({ children }: { children: React.ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      controller.abort();
      controller = new AbortController();
      fetchSession(controller.signal).then(
        (body) => setState({ status: 'ready', ...body }),
        (error: unknown) => {
          // An aborted fetch was replaced by a newer one. Otherwise show the visitor as signed out: the private
          // pages still check for themselves, so the worst case is a sign-in link for someone signed in.
          if (!controller.signal.aborted) {
            console.error(error);
            setState({ status: 'ready', user: null, cartCount: 0 });
          }
        },
      );
    };
    load();
    window.addEventListener(SESSION_REFRESH_EVENT, load);
    return () => {
      window.removeEventListener(SESSION_REFRESH_EVENT, load);
      controller.abort();
    };
  }, []);

  return (
    <SessionContext value={state}>
      {/* Its own boundary: on a route whose params are known only at request time, the pathname suspends. */}
      <Suspense fallback={null}>
        <RefreshOnNavigation />
      </Suspense>
      {children}
    </SessionContext>
  );
}

/** A client-side navigation is a page view too; sign-in and sign-out by server action end in one. */
function RefreshOnNavigation() {
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    refreshSession();
  }, [pathname]);
  return null;
}

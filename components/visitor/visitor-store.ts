import { useSyncExternalStore } from 'react';
import type { Cart } from '@/lib/cart';
import type { PublicUser } from '@/lib/access/public-user';
import type { LiveState } from '@/lib/users/live';
import type { VisitorBody } from '@/lib/visitor';

// The one client store of what depends on the visitor (the manner of vercel/commerce's cart context): who they are,
// their tier, their cart count and what their open-tab event stream last said. Cached pages are the same HTML for
// everyone; this fills them in from GET /api/session, the cart API's answers and the stream. Components read it with
// useVisitor(); nothing is passed around on window events.

export type VisitorState = {
  /** 'loading' until GET /api/session first answers. */
  status: 'loading' | 'ready';
  user: PublicUser | null;
  /** Units in the cart; null until known. */
  cartCount: number | null;
  /** The stream's last word, while this tab follows a signed-in session. */
  live: LiveState | null;
  /** The stream said another device (or an admin) ended this session: the sign-in page says so. */
  signedOutElsewhere: boolean;
};

const INITIAL: VisitorState = {
  status: 'loading',
  user: null,
  cartCount: null,
  live: null,
  signedOutElsewhere: false,
};

let state = INITIAL;
const listeners = new Set<() => void>();
// Bumped by every load: an answer to an older one was read before something newer and is dropped.
let generation = 0;
let loading: AbortController | null = null;

function update(next: Partial<VisitorState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getVisitor(): VisitorState {
  return state;
}

/** The visitor as this page knows it; the server renders the loading state. */
export function useVisitor(): VisitorState {
  return useSyncExternalStore(subscribe, getVisitor, () => INITIAL);
}

/** Asks GET /api/session again (a page view, the tab shown again, a sign-out); an answer still on its way is dropped. */
export function loadVisitor(): void {
  loading?.abort();
  const controller = new AbortController();
  loading = controller;
  const mine = ++generation;
  fetch('/api/session', { cache: 'no-store', credentials: 'same-origin', signal: controller.signal })
    .then(async (response) => {
      if (!response.ok) throw new Error(`GET /api/session answered ${response.status}`);
      return (await response.json()) as VisitorBody;
    })
    .then(
      (body) => {
        if (mine !== generation) return;
        loading = null;
        update({
          status: 'ready',
          user: body.user,
          cartCount: body.cartCount,
          signedOutElsewhere: body.user ? false : state.signedOutElsewhere,
        });
      },
      (error: unknown) => {
        if (mine !== generation) return;
        loading = null;
        // Shown as signed out: the private pages still check for themselves, so the worst case is a sign-in link for
        // someone signed in.
        console.error(error);
        update({ status: 'ready', user: null, cartCount: 0 });
      },
    );
}

/**
 * The cart changed in this tab. With the cart the API answered, its count shows at once; an answer of
 * GET /api/session still on its way was read before the change and is asked for again. Without one (an order placed
 * empties the cart), the count is asked for.
 */
export function cartChanged(cart?: Cart): void {
  if (!cart) return loadVisitor();
  update({ cartCount: cart.itemCount });
  if (loading) loadVisitor();
}

/** What the open-tab stream said: a change of tier or role shows at once; an ended session signs the page out. */
export function applyLive(live: LiveState): void {
  if (live.status === 'active') {
    const { user } = state;
    update({ live, user: user && { ...user, role: live.role, tier: live.tier } });
    return;
  }
  update({
    live: null,
    user: null,
    signedOutElsewhere: live.status === 'signed-out' && live.reason === 'revoked',
  });
  loadVisitor();
}

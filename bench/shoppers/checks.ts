// What `npm run bench:load` checks after its run, as pure functions of what it recorded and what PostgreSQL holds:
// no 5xx, no lost or duplicated orders, stock down by exactly what was sold, and no banned user served after the
// ban returned. Kept free of I/O so bench/shoppers/checks.test.ts can show each one failing.

export type Kind = 'browse' | 'sign-in' | 'cart' | 'checkout' | 'orders' | 'admin';

/**
 * public: the same answer for anyone (catalog, logout), not checked against bans; refused: the request was not
 * served as its user (401/403, a redirect to /banned or /login, a guest's cart); served: it was.
 */
export type Verdict = 'public' | 'refused' | 'served';

export type RequestRecord = {
  kind: Kind;
  /** Method and route pattern, e.g. `GET /products/[slug]`. */
  route: string;
  /** Index of the instance it went to. */
  instance: number;
  /** Whose cookie or credentials it carried; null for a guest. */
  userId: string | null;
  /** performance.now() when fetch was called, and when the answer (status and headers) came. */
  startedAt: number;
  answeredAt: number;
  /** Milliseconds until the whole body was read. */
  latencyMs: number;
  /** 0: no answer (the connection failed or the request timed out). */
  status: number;
  verdict: Verdict;
  /** The start of the body of a 5xx answer, for the report. */
  detail?: string;
};

/** What the verdict is made from: the answer, its redirect and the names of the cookies it sets. */
export type Answer = {
  status: number;
  location: string | null;
  setCookieNames: string[];
  body: string;
};

/**
 * How a route is judged for a signed-in user: `private` routes are the user's own (the gate must answer 401/403),
 * `page` routes are private pages (they stream, so a refusal is a redirect inside a 200), `login` is a sign-in with
 * the user's password, `session` and `cart-read`/`cart-write` are open to guests and judged by their body.
 */
export type Access = 'public' | 'private' | 'page' | 'login' | 'session' | 'cart-read' | 'cart-write';

const REFUSED_STATUSES = new Set([401, 403]);
// A private page's gate redirects inside the stream (its loading.tsx already sent the 200), or the proxy with a 307.
const PAGE_REDIRECT = /NEXT_REDIRECT;[a-z]+;\/(banned|login)\b/;
const GUEST_CART_COOKIES = new Set(['cart', '__Host-cart']);

function parsed(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/** Whether an answer was served as the signed-in user, refused, or is the same for anyone. */
export function verdictOf(access: Access, answer: Answer): Verdict {
  const { status } = answer;
  switch (access) {
    case 'public':
      return 'public';
    case 'private':
      return REFUSED_STATUSES.has(status) ? 'refused' : 'served';
    case 'login':
      return status >= 200 && status < 300 ? 'served' : 'refused';
    case 'page': {
      if (status >= 300 && status < 400)
        return /^\/(banned|login)\b/.test(answer.location ?? '') ? 'refused' : 'served';
      if (REFUSED_STATUSES.has(status)) return 'refused';
      return PAGE_REDIRECT.test(answer.body) ? 'refused' : 'served';
    }
    case 'session': {
      const body = parsed(answer.body) as { user?: unknown } | null;
      return status === 200 && body?.user ? 'served' : 'refused';
    }
    case 'cart-read': {
      // The shopper's client keeps no guest-cart cookie, so a guest read is the empty cart; an empty cart of the
      // user's own looks the same and shows nothing of theirs.
      const body = parsed(answer.body) as { itemCount?: number } | null;
      return status === 200 && (body?.itemCount ?? 0) > 0 ? 'served' : 'refused';
    }
    case 'cart-write':
      // A guest's write always (re)sets the guest-cart cookie; a write to the user's cart never does.
      if (status < 200 || status >= 300) return 'refused';
      return answer.setCookieNames.some((name) => GUEST_CART_COOKIES.has(name)) ? 'refused' : 'served';
  }
}

export type CountByRoute = { route: string; count: number }[];

function countByRoute(requests: RequestRecord[]): CountByRoute {
  const counts = new Map<string, number>();
  for (const request of requests) counts.set(request.route, (counts.get(request.route) ?? 0) + 1);
  return [...counts].map(([route, count]) => ({ route, count })).sort((a, b) => b.count - a.count);
}

/** Every 5xx answer, and every request that got no answer at all, by route. */
export function failedAnswers(requests: RequestRecord[]): {
  serverErrors: CountByRoute;
  noAnswer: CountByRoute;
} {
  return {
    serverErrors: countByRoute(requests.filter((request) => request.status >= 500)),
    noAnswer: countByRoute(requests.filter((request) => request.status === 0)),
  };
}

export type BanRecord = { userId: string; startedAt: number; returnedAt: number; status: number };

export type BanCheck = {
  /** Users whose ban answered 200. */
  bannedUsers: number;
  /** Their requests (not public) started after their ban returned. */
  checked: number;
  /** Those of them that were served: each one is a failure. */
  served: RequestRecord[];
  /** Their requests served before the ban was asked for: that the verdicts can say "served" at all. */
  servedBefore: number;
};

/** Every request a banned user started after the admin's ban call returned must have been refused. */
export function servedAfterBan(bans: BanRecord[], requests: RequestRecord[]): BanCheck {
  const byUser = new Map<string, BanRecord>();
  for (const ban of bans) {
    const earlier = byUser.get(ban.userId);
    if (ban.status === 200 && (!earlier || ban.returnedAt < earlier.returnedAt)) byUser.set(ban.userId, ban);
  }
  const banOf = (request: RequestRecord) =>
    request.userId === null || request.verdict === 'public' ? undefined : byUser.get(request.userId);
  const after = requests.filter((request) => {
    const ban = banOf(request);
    return ban !== undefined && request.startedAt > ban.returnedAt;
  });
  const servedBefore = requests.filter((request) => {
    const ban = banOf(request);
    return ban !== undefined && request.answeredAt < ban.startedAt && request.verdict === 'served';
  });
  return {
    bannedUsers: byUser.size,
    checked: after.length,
    served: after.filter((request) => request.verdict === 'served'),
    servedBefore: servedBefore.length,
  };
}

export type CheckoutRecord = {
  userId: string;
  idempotencyKey: string;
  status: number;
  /** The order in a 201 answer. */
  orderId: string | null;
  /** The error's code and message in any other answer. */
  error: string | null;
  /** once: the only submit of its key; together: one of two sent at once; again: sent after the first answered. */
  mode: 'once' | 'together' | 'again';
};

export type OrderLine = { productId: string; quantity: number };

export type OrderRow = {
  id: string;
  userId: string;
  idempotencyKey: string | null;
  status: 'pending' | 'paid' | 'cancelled';
  items: OrderLine[];
};

export type OrderCheck = {
  /** Distinct orders the checkouts answered 201 with. */
  answered: number;
  /** Order rows made during the run. */
  rows: number;
  /** Keys sent more than once whose every success named the same order. */
  repeatedKeys: number;
  problems: string[];
};

const keyOf = (userId: string, idempotencyKey: string | null) => `${userId} ${idempotencyKey ?? ''}`;

/**
 * Every checkout that answered 201 is exactly one paid order row, no row exists beyond those, and a key sent again
 * answers with the same order (or is refused, when a ban came in between). `rows` are the orders made during the run.
 */
export function reconcileOrders(checkouts: CheckoutRecord[], rows: OrderRow[]): OrderCheck {
  const problems: string[] = [];
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const rowsByKey = new Map<string, OrderRow[]>();
  for (const row of rows) {
    const key = keyOf(row.userId, row.idempotencyKey);
    rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), row]);
  }
  const byKey = new Map<string, CheckoutRecord[]>();
  for (const checkout of checkouts) {
    const key = keyOf(checkout.userId, checkout.idempotencyKey);
    byKey.set(key, [...(byKey.get(key) ?? []), checkout]);
  }

  const answered = new Set<string>();
  let repeatedKeys = 0;
  for (const [key, sent] of byKey) {
    const successes = sent.filter((checkout) => checkout.status === 201);
    const orderIds = new Set(successes.map((checkout) => checkout.orderId));
    for (const orderId of orderIds) {
      const row = orderId === null ? undefined : rowById.get(orderId);
      if (!row)
        problems.push(
          `lost: checkout ${key} answered 201 with order ${orderId}, which is not in the database`,
        );
      else if (keyOf(row.userId, row.idempotencyKey) !== key)
        problems.push(
          `wrong: checkout ${key} answered order ${orderId}, which belongs to ${keyOf(row.userId, row.idempotencyKey)}`,
        );
      else {
        // Answered as this key's order: a row answered under another key is still unanswered for its own.
        answered.add(row.id);
        if (row.status !== 'paid')
          problems.push(`not paid: order ${orderId} answered 201 but is ${row.status}`);
      }
    }
    if (orderIds.size > 1) problems.push(`duplicated: key ${key} answered ${orderIds.size} different orders`);
    if (sent.length > 1 && successes.length > 0) {
      const unanswered = sent.filter(
        (checkout) => checkout.status !== 201 && !REFUSED_STATUSES.has(checkout.status),
      );
      for (const checkout of unanswered)
        problems.push(
          `retry: key ${key}, sent ${checkout.mode === 'together' ? 'twice at once' : 'again after the answer'}, answered ${checkout.status} ${checkout.error ?? ''} while another submit placed order ${[...orderIds].join(', ')}`,
        );
      if (orderIds.size === 1 && unanswered.length === 0) repeatedKeys += 1;
    }
  }
  for (const [key, found] of rowsByKey) {
    if (found.length > 1) problems.push(`duplicated: ${found.length} order rows for key ${key}`);
  }
  for (const row of rows) {
    if (!answered.has(row.id))
      problems.push(
        `extra: order ${row.id} (${row.status}, key ${keyOf(row.userId, row.idempotencyKey)}) was never answered as placed`,
      );
  }
  return { answered: answered.size, rows: rows.length, repeatedKeys, problems };
}

export type StockCheck = { products: number; unitsSold: number; problems: string[] };

/**
 * For every product, stock at the end equals stock at the start minus the units in the run's paid orders (plus what
 * reservations left pending before the run gave back, if the app released any).
 */
export function reconcileStock(
  start: Map<string, number>,
  end: Map<string, number>,
  paid: OrderRow[],
  released: OrderRow[] = [],
): StockCheck {
  const change = new Map<string, number>();
  const add = (lines: OrderLine[], sign: number) => {
    for (const line of lines)
      change.set(line.productId, (change.get(line.productId) ?? 0) + sign * line.quantity);
  };
  for (const order of paid) add(order.items, -1);
  for (const order of released) add(order.items, 1);
  const problems: string[] = [];
  for (const productId of new Set([...start.keys(), ...end.keys()])) {
    const before = start.get(productId);
    const after = end.get(productId);
    if (before === undefined || after === undefined) {
      problems.push(`product ${productId} is missing at the ${before === undefined ? 'start' : 'end'}`);
      continue;
    }
    const expected = before + (change.get(productId) ?? 0);
    if (after !== expected)
      problems.push(
        `product ${productId}: stock ${after} at the end, expected ${expected} (${before} at the start, ${expected - before} by the run’s orders)`,
      );
    if (after < 0) problems.push(`product ${productId}: negative stock ${after}`);
  }
  for (const productId of change.keys())
    if (!start.has(productId)) problems.push(`product ${productId} was sold but is not in the catalog`);
  const unitsSold = paid.reduce(
    (sum, order) => sum + order.items.reduce((units, line) => units + line.quantity, 0),
    0,
  );
  return { products: start.size, unitsSold, problems };
}

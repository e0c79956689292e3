import { describe, expect, it } from 'vitest';
import {
  failedAnswers,
  reconcileOrders,
  reconcileStock,
  servedAfterBan,
  verdictOf,
  type Answer,
  type BanRecord,
  type CheckoutRecord,
  type OrderRow,
  type RequestRecord,
} from './checks';

// The checks of `npm run bench:load` on made-up records: each one must pass what is right and catch what is wrong.

const answer = (status: number, extra: Partial<Answer> = {}): Answer => ({
  status,
  location: null,
  setCookieNames: [],
  body: '',
  ...extra,
});

function request(overrides: Partial<RequestRecord>): RequestRecord {
  return {
    kind: 'orders',
    route: 'GET /api/orders',
    instance: 0,
    userId: 'u1',
    startedAt: 0,
    answeredAt: 0,
    latencyMs: 5,
    status: 200,
    verdict: 'served',
    ...overrides,
  };
}

describe('verdictOf', () => {
  it('a private JSON route is refused only with 401 or 403: any other answer means the gate let it through', () => {
    expect(verdictOf('private', answer(401))).toBe('refused');
    expect(verdictOf('private', answer(403))).toBe('refused');
    expect(verdictOf('private', answer(200))).toBe('served');
    expect(verdictOf('private', answer(400))).toBe('served');
  });

  it('a private page is refused by a redirect to /banned or /login, in the stream or as a 307', () => {
    const streamed = '<script>$RX("B:0","NEXT_REDIRECT;replace;/banned;307;")</script>';
    expect(verdictOf('page', answer(200, { body: streamed }))).toBe('refused');
    expect(verdictOf('page', answer(200, { body: 'NEXT_REDIRECT;replace;/login?next=%2Forders;307;' }))).toBe(
      'refused',
    );
    expect(verdictOf('page', answer(307, { location: '/login?next=%2Forders' }))).toBe('refused');
    expect(verdictOf('page', answer(200, { body: '<h1>Your orders</h1>' }))).toBe('served');
    expect(verdictOf('page', answer(307, { location: '/' }))).toBe('served');
  });

  it('a sign-in is served when it succeeds', () => {
    expect(verdictOf('login', answer(200))).toBe('served');
    expect(verdictOf('login', answer(403))).toBe('refused');
  });

  it('/api/session is served when it names a user', () => {
    expect(verdictOf('session', answer(200, { body: '{"user":{"id":"u1"},"cartCount":2}' }))).toBe('served');
    expect(verdictOf('session', answer(200, { body: '{"user":null,"cartCount":0}' }))).toBe('refused');
  });

  it("a cart write is served unless it went to a guest's cart (which sets the guest-cart cookie)", () => {
    expect(verdictOf('cart-write', answer(200))).toBe('served');
    expect(verdictOf('cart-write', answer(200, { setCookieNames: ['cart'] }))).toBe('refused');
    expect(verdictOf('cart-write', answer(401))).toBe('refused');
    expect(verdictOf('cart-read', answer(200, { body: '{"items":[{}],"itemCount":1}' }))).toBe('served');
    expect(verdictOf('cart-read', answer(200, { body: '{"items":[],"itemCount":0}' }))).toBe('refused');
  });

  it('the catalog is public', () => {
    expect(verdictOf('public', answer(200))).toBe('public');
  });
});

describe('failedAnswers', () => {
  it('counts 5xx answers and missing answers by route', () => {
    const { serverErrors, noAnswer } = failedAnswers([
      request({ route: 'POST /api/checkout', status: 500 }),
      request({ route: 'POST /api/checkout', status: 503 }),
      request({ route: 'GET /', status: 502 }),
      request({ route: 'GET /', status: 0 }),
      request({ route: 'GET /', status: 404 }),
    ]);
    expect(serverErrors).toEqual([
      { route: 'POST /api/checkout', count: 2 },
      { route: 'GET /', count: 1 },
    ]);
    expect(noAnswer).toEqual([{ route: 'GET /', count: 1 }]);
  });
});

describe('servedAfterBan', () => {
  const ban: BanRecord = { userId: 'u1', startedAt: 100, returnedAt: 200, status: 200 };

  it('finds a request started after the ban returned that was served', () => {
    const late = request({ startedAt: 201, answeredAt: 210, verdict: 'served' });
    const check = servedAfterBan([ban], [late]);
    expect(check.served).toEqual([late]);
    expect(check.checked).toBe(1);
  });

  it('passes refused requests, and leaves out those started before the ban returned, public ones and other users', () => {
    const check = servedAfterBan(
      [ban],
      [
        request({ startedAt: 250, verdict: 'refused' }),
        // In flight while the ban ran: it may be answered either way.
        request({ startedAt: 150, answeredAt: 260, verdict: 'served' }),
        request({ startedAt: 250, verdict: 'public', route: 'GET /' }),
        request({ startedAt: 250, userId: 'u2', verdict: 'served' }),
        request({ startedAt: 250, userId: null, verdict: 'served' }),
        request({ startedAt: 10, answeredAt: 20, verdict: 'served' }),
      ],
    );
    expect(check).toEqual({ bannedUsers: 1, checked: 1, served: [], servedBefore: 1 });
  });

  it('ignores a ban that did not answer 200, and takes the first of two', () => {
    const served = request({ startedAt: 150, verdict: 'served' });
    expect(servedAfterBan([{ ...ban, status: 500 }], [served]).served).toEqual([]);
    const twice = [ban, { userId: 'u1', startedAt: 0, returnedAt: 120, status: 200 }];
    expect(servedAfterBan(twice, [served]).served).toEqual([served]);
  });
});

describe('reconcileOrders', () => {
  const row = (id: string, key: string, overrides: Partial<OrderRow> = {}): OrderRow => ({
    id,
    userId: 'u1',
    idempotencyKey: key,
    status: 'paid',
    items: [{ productId: 'p1', quantity: 1 }],
    ...overrides,
  });
  const checkout = (
    key: string,
    status: number,
    orderId: string | null,
    mode: CheckoutRecord['mode'] = 'once',
  ): CheckoutRecord => ({ userId: 'u1', idempotencyKey: key, status, orderId, error: null, mode });

  it('passes one order per successful key, a retry with the same order and a declined card without one', () => {
    const check = reconcileOrders(
      [
        checkout('k1', 201, 'o1'),
        checkout('k1', 201, 'o1', 'again'),
        checkout('k2', 402, null),
        checkout('k3', 201, 'o3'),
      ],
      [row('o1', 'k1'), row('o3', 'k3')],
    );
    expect(check).toEqual({ answered: 2, rows: 2, repeatedKeys: 1, problems: [] });
  });

  it('a retry refused because a ban came in between is no problem', () => {
    const check = reconcileOrders(
      [checkout('k1', 201, 'o1'), checkout('k1', 401, null, 'again')],
      [row('o1', 'k1')],
    );
    expect(check.problems).toEqual([]);
  });

  it('finds a lost order, an extra row, a duplicate, an unpaid one and a retry answered otherwise', () => {
    expect(reconcileOrders([checkout('k1', 201, 'o1')], []).problems).toEqual([
      expect.stringMatching(/^lost: .*o1/),
    ]);
    expect(reconcileOrders([checkout('k1', 402, null)], [row('o1', 'k1')]).problems).toEqual([
      expect.stringMatching(/^extra: order o1/),
    ]);
    expect(
      reconcileOrders(
        [checkout('k1', 201, 'o1'), checkout('k1', 201, 'o2', 'again')],
        [row('o1', 'k1'), row('o2', 'k1')],
      ).problems,
    ).toEqual([
      expect.stringMatching(/^duplicated: key .* 2 different orders/),
      expect.stringMatching(/^duplicated: 2 order rows/),
    ]);
    expect(
      reconcileOrders([checkout('k1', 201, 'o1')], [row('o1', 'k1', { status: 'pending' })]).problems,
    ).toEqual([expect.stringMatching(/^not paid: order o1/)]);
    expect(
      reconcileOrders([checkout('k1', 201, 'o1'), checkout('k1', 409, null, 'again')], [row('o1', 'k1')])
        .problems,
    ).toEqual([expect.stringMatching(/^retry: key .* answered 409/)]);
  });

  it("finds an order answered under another user's key", () => {
    const check = reconcileOrders([checkout('k1', 201, 'o1')], [row('o1', 'k1', { userId: 'u2' })]);
    expect(check.problems).toContainEqual(expect.stringMatching(/^wrong: /));
    expect(check.problems).toContainEqual(expect.stringMatching(/^extra: order o1/));
  });
});

describe('reconcileStock', () => {
  const paid = (items: OrderRow['items']): OrderRow => ({
    id: 'o',
    userId: 'u1',
    idempotencyKey: 'k',
    status: 'paid',
    items,
  });
  /** Stock of the products p1 and p2. */
  const stock = (p1: number, p2: number) => new Map(Object.entries({ p1, p2 }));
  const start = stock(10, 5);
  const oneOfP1 = [paid([{ productId: 'p1', quantity: 1 }])];

  it('passes when every product went down by exactly the units sold', () => {
    const orders = [
      paid([{ productId: 'p1', quantity: 2 }]),
      paid([
        { productId: 'p1', quantity: 1 },
        { productId: 'p2', quantity: 1 },
      ]),
    ];
    expect(reconcileStock(start, stock(7, 4), orders)).toEqual({ products: 2, unitsSold: 4, problems: [] });
  });

  it('finds stock taken without an order, or given back twice', () => {
    expect(reconcileStock(start, stock(8, 5), oneOfP1).problems).toEqual([
      expect.stringMatching(/^product p1: stock 8 at the end, expected 9/),
    ]);
    expect(reconcileStock(start, stock(10, 5), oneOfP1).problems).toEqual([
      expect.stringMatching(/^product p1: stock 10 at the end, expected 9/),
    ]);
  });

  it('counts what released reservations gave back, and flags negative stock', () => {
    const released = [{ ...paid([{ productId: 'p2', quantity: 3 }]), status: 'pending' as const }];
    expect(reconcileStock(start, stock(10, 8), [], released).problems).toEqual([]);
    expect(reconcileStock(stock(0, 0), stock(-1, 0), oneOfP1).problems).toEqual([
      expect.stringMatching(/negative stock -1/),
    ]);
  });
});

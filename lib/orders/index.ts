import 'server-only';

// Orders: a checkout (./checkout.ts: reserve, charge, settle) and the user's orders (./queries.ts).

export { placeOrder, releaseStaleReservations, STALE_RESERVATION_MS, type Shopper } from './checkout';
export { getOrder, hasOrder, lastShippingAddress, listOrders } from './queries';
export type { OrderPage, OrderView } from './view';

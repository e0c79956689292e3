import { products as seedProducts } from '../../prisma/seed-data';
import { withDatabase } from '../postgres';
import type { OrderRow } from './checks';
import type { CatalogProduct } from './workload';

// What PostgreSQL holds before and after the run: every product's stock, and every order with its lines. Read
// straight from the bench database, not through the app, so the checks do not trust what they check.

export type Snapshot = { products: CatalogProduct[]; orders: OrderRow[] };

/**
 * Sets every product's stock to `factor` times the seed's, so a minute of checkouts does not sell the shop out;
 * what the seed has at 0 stays out of stock, and the scarce lines (1 to 5 in the seed) are still fought over.
 */
export function restock(databaseUrl: string, factor: number): Promise<unknown> {
  return withDatabase(databaseUrl, (client) =>
    client.query(
      `UPDATE "Product" p SET stock = s.stock FROM unnest($1::text[], $2::int[]) AS s(slug, stock) WHERE p.slug = s.slug`,
      [seedProducts.map((product) => product.slug), seedProducts.map((product) => product.stock * factor)],
    ),
  );
}

export function readSnapshot(databaseUrl: string): Promise<Snapshot> {
  return withDatabase(databaseUrl, async (client) => {
    const products = await client.query<CatalogProduct>(
      `SELECT p.id, p.slug, c.slug AS "categorySlug", p.stock
       FROM "Product" p JOIN "Category" c ON c.id = p."categoryId" ORDER BY p.slug`,
    );
    const orders = await client.query<OrderRow>(
      `SELECT o.id, o."userId", o."idempotencyKey", o.status::text AS status,
         COALESCE(json_agg(json_build_object('productId', i."productId", 'quantity', i.quantity))
           FILTER (WHERE i.id IS NOT NULL), '[]') AS items
       FROM "Order" o LEFT JOIN "OrderItem" i ON i."orderId" = o.id GROUP BY o.id`,
    );
    return { products: products.rows, orders: orders.rows };
  });
}

/** Each product's stock, by id. */
export const stockOf = (snapshot: Snapshot) =>
  new Map(snapshot.products.map((product) => [product.id, product.stock]));

/** The orders made between two snapshots, and those pending at the first that are gone at the second (released). */
export function ordersBetween(start: Snapshot, end: Snapshot): { made: OrderRow[]; released: OrderRow[] } {
  const before = new Set(start.orders.map((order) => order.id));
  const after = new Set(end.orders.map((order) => order.id));
  return {
    made: end.orders.filter((order) => !before.has(order.id)),
    released: start.orders.filter((order) => order.status === 'pending' && !after.has(order.id)),
  };
}

import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import type { Tier } from '@/lib/access';
import { priceLines } from '@/lib/pricing';
import { getRedis } from '@/lib/redis';
import type { CartOwner } from './keys';
import type { z } from 'zod';
import { MAX_LINE_QUANTITY } from './limits';
import type { AddCartItemInput, cartItemSchema, cartSchema } from './schema';
import { createCartStore, type CartLines, type CartStore } from './store';

// The cart as the shop shows it: lines from Redis, names, prices and stock from PostgreSQL at read time,
// totals from lib/pricing for the tier of the live session. A tier change reprices the very next read.

export type { CartStore } from './store';

type CartItemStatus = z.infer<typeof cartItemSchema>['status'];
export type CartItem = z.infer<typeof cartItemSchema>;
export type Cart = z.infer<typeof cartSchema>;

const DEFAULT_CURRENCY = 'USD';

let cartStore: CartStore | undefined;

export function getCartStore(): CartStore {
  cartStore ??= createCartStore({ redis: getRedis() });
  return cartStore;
}

function statusOf(stock: number, quantity: number): CartItemStatus {
  if (stock <= 0) return 'out_of_stock';
  return quantity > stock ? 'insufficient_stock' : 'available';
}

/** Prices stored lines with what PostgreSQL says now. Out-of-stock and vanished lines count for nothing. */
async function priceCart(lines: CartLines, tier: Tier): Promise<Cart> {
  const ids = [...lines.keys()];
  const products = ids.length
    ? await db.product.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          slug: true,
          name: true,
          priceCents: true,
          currency: true,
          stock: true,
          imagePath: true,
        },
      })
    : [];
  const byId = new Map(products.map((product) => [product.id, product]));
  const items: CartItem[] = ids.map((productId) => {
    const quantity = lines.get(productId) ?? 0;
    const product = byId.get(productId);
    if (!product) {
      return {
        productId,
        slug: null,
        name: 'No longer available',
        image: null,
        unitPriceCents: 0,
        quantity,
        lineTotalCents: 0,
        stock: 0,
        status: 'unavailable',
      };
    }
    return {
      productId,
      slug: product.slug,
      name: product.name,
      image: product.imagePath,
      unitPriceCents: product.priceCents,
      quantity,
      lineTotalCents: product.priceCents * quantity,
      stock: Math.max(0, product.stock),
      status: statusOf(product.stock, quantity),
    };
  });
  items.sort((a, b) => a.name.localeCompare(b.name) || a.productId.localeCompare(b.productId));
  const priced = items.filter((item) => item.status === 'available' || item.status === 'insufficient_stock');
  return {
    items,
    ...priceLines(priced, tier),
    currency: products[0]?.currency ?? DEFAULT_CURRENCY,
    tier,
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
    canCheckout: items.length > 0 && items.every((item) => item.status === 'available'),
  };
}

/** An owner of null is a visitor without a cart: an empty cart, and nothing is written. */
export async function readCart(owner: CartOwner | null, tier: Tier, store = getCartStore()): Promise<Cart> {
  return priceCart(owner ? await store.read(owner) : new Map(), tier);
}

async function stockOf(productId: string): Promise<{ name: string; stock: number }> {
  const product = await db.product.findUnique({
    where: { id: productId },
    select: { name: true, stock: true },
  });
  if (!product) throw new AppError('not_found', 'That product does not exist.');
  return product;
}

function insufficientStock(name: string, stock: number, inCart: number): AppError {
  const message =
    stock <= 0
      ? `${name} is out of stock.`
      : `Only ${stock} of ${name} in stock${inCart > 0 ? `, and ${inCart} already in your cart` : ''}.`;
  return new AppError('insufficient_stock', message, { details: { available: Math.max(0, stock), inCart } });
}

export async function addToCart(
  owner: CartOwner,
  input: AddCartItemInput,
  tier: Tier,
  store = getCartStore(),
): Promise<Cart> {
  const product = await stockOf(input.productId);
  const limit = Math.min(Math.max(0, product.stock), MAX_LINE_QUANTITY);
  const result = await store.add(owner, input.productId, input.quantity, limit);
  if (!result.added) throw insufficientStock(product.name, product.stock, result.quantity);
  return readCart(owner, tier, store);
}

/** Sets a line's quantity (0 removes it). Without a cart there is nothing to change: the empty cart comes back. */
export async function updateCartItem(
  owner: CartOwner | null,
  productId: string,
  quantity: number,
  tier: Tier,
  store = getCartStore(),
): Promise<Cart> {
  if (!owner) return readCart(null, tier, store);
  if (quantity > 0) {
    const product = await stockOf(productId);
    if (quantity > product.stock) throw insufficientStock(product.name, product.stock, 0);
  }
  await store.set(owner, productId, quantity);
  return readCart(owner, tier, store);
}

export async function removeCartItem(
  owner: CartOwner | null,
  productId: string,
  tier: Tier,
  store = getCartStore(),
): Promise<Cart> {
  return updateCartItem(owner, productId, 0, tier, store);
}

/**
 * At sign-in: the guest's lines join the user's cart, each capped at the stock PostgreSQL reports, and the guest
 * cart is deleted (lib/cart/store.ts: in steps that are safe to repeat). Returns how many lines were merged.
 */
export async function mergeGuestCart(
  guestId: string,
  userId: string,
  store = getCartStore(),
): Promise<number> {
  return store.mergeGuest(guestId, userId, async (lines) => {
    const products = await db.product.findMany({
      where: { id: { in: [...lines.keys()] } },
      select: { id: true, stock: true },
    });
    const stock = new Map(products.map((product) => [product.id, product.stock]));
    return new Map([...lines.keys()].map((id) => [id, Math.min(stock.get(id) ?? 0, MAX_LINE_QUANTITY)]));
  });
}

'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { ProductImage } from '@/components/product/product-image';
import { Button, LinkButton } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { useVisitor } from '@/components/visitor/visitor-store';
import { MAX_LINE_QUANTITY } from '@/lib/cart/limits';
import { formatPrice } from '@/lib/pricing';
import { fetchCart, removeFromCart, setCartQuantity, type Cart, type CartItem } from './cart-api';
import { CartSummary, shippingRule } from './cart-summary';
import { QuantitySelect } from './quantity-select';

type Notice = { tone: 'success' | 'danger'; message: string } | null;

const PROBLEM: Record<Exclude<CartItem['status'], 'available'>, (item: CartItem) => string> = {
  insufficient_stock: (item) => `Only ${item.stock} left: lower the quantity to check out.`,
  out_of_stock: () => 'Out of stock: remove it to check out.',
  unavailable: () => 'No longer sold: remove it to check out.',
};

function CartSkeleton() {
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]" aria-hidden="true">
      <div className="flex flex-col gap-4">
        {[0, 1].map((row) => (
          <div key={row} className="h-28 animate-pulse rounded-2xl bg-slate-100" />
        ))}
      </div>
      <div className="h-64 animate-pulse rounded-2xl bg-slate-100" />
    </div>
  );
}

/**
 * The cart page's content, in the browser: it reads GET /api/cart and changes lines through the API. A change
 * shows at once (optimistic), the line says it is saving, and the server's answer replaces it; a refusal puts
 * the line back and says why. The server prices for the session's tier, so when the visitor store hears of another
 * tier (or another visitor), the cart is read again: the summary follows an admin's change without a reload.
 */
export function CartView() {
  const [cart, setCart] = useState<Cart | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [optimistic, setOptimistic] = useState<Record<string, number>>({});
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    fetchCart().then((answer) => (answer.ok ? setCart(answer.cart) : setLoadError(answer.message)));
  }, []);

  const visitor = useVisitor();
  const pricedFor =
    visitor.status === 'ready' ? `${visitor.user?.id ?? 'guest'}:${visitor.user?.tier ?? 'standard'}` : null;
  const seenPricedFor = useRef<string | null>(null);
  useEffect(() => {
    if (pricedFor === null) return;
    const previous = seenPricedFor.current;
    seenPricedFor.current = pricedFor;
    if (previous === null || previous === pricedFor) return;
    fetchCart().then((answer) => {
      if (answer.ok) setCart(answer.cart);
    });
  }, [pricedFor]);

  async function change(item: CartItem, quantity: number) {
    setOptimistic((current) => ({ ...current, [item.productId]: quantity }));
    setNotice(null);
    const answer =
      quantity === 0 ? await removeFromCart(item.productId) : await setCartQuantity(item.productId, quantity);
    setOptimistic((current) => {
      const rest = { ...current };
      delete rest[item.productId];
      return rest;
    });
    if (answer.ok) {
      setCart(answer.cart);
      setNotice({
        tone: 'success',
        message:
          quantity === 0
            ? `Removed ${item.name} from your cart.`
            : `${item.name}: quantity set to ${quantity}.`,
      });
    } else {
      setNotice({ tone: 'danger', message: answer.message });
    }
  }

  if (loadError)
    return (
      <p role="alert" className="text-red-700">
        {loadError}
      </p>
    );
  if (!cart) return <CartSkeleton />;

  const updating = Object.keys(optimistic).length > 0;
  const visible = cart.items.filter((item) => optimistic[item.productId] !== 0);

  const status = (
    <p
      role="status"
      data-testid="cart-notice"
      className={'min-h-6 text-sm ' + (notice?.tone === 'danger' ? 'text-red-700' : 'text-emerald-800')}
    >
      {notice?.message}
    </p>
  );

  if (visible.length === 0 && !updating) {
    return (
      <div className="flex flex-col items-start gap-4">
        {status}
        <p className="text-slate-700">Your cart is empty.</p>
        <LinkButton href="/search">Browse products</LinkButton>
      </div>
    );
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="cart-lines-heading" className="flex flex-col gap-4">
        <h2 id="cart-lines-heading" className="sr-only">
          Items
        </h2>
        {status}
        <ul className="flex flex-col gap-4">
          {visible.map((item) => {
            const quantity = optimistic[item.productId] ?? item.quantity;
            const saving = item.productId in optimistic;
            const max = Math.max(quantity, Math.min(item.stock, MAX_LINE_QUANTITY));
            const problem = item.status === 'available' ? null : PROBLEM[item.status](item);
            return (
              <li key={item.productId} data-testid="cart-line" aria-busy={saving}>
                <Card className={'flex gap-4 p-4 transition-opacity ' + (saving ? 'opacity-60' : '')}>
                  <div className="size-20 shrink-0 overflow-hidden rounded-xl bg-slate-100">
                    {item.image ? <ProductImage src={item.image} alt="" /> : null}
                  </div>
                  <div className="flex flex-1 flex-col gap-2">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <h3 className="font-semibold text-slate-900">
                        {item.slug ? (
                          <Link href={`/products/${item.slug}`} className="hover:underline">
                            {item.name}
                          </Link>
                        ) : (
                          item.name
                        )}
                      </h3>
                      <p className="font-semibold text-slate-900" data-testid="line-total">
                        {formatPrice(item.unitPriceCents * quantity, cart.currency)}
                      </p>
                    </div>
                    <p className="text-sm text-slate-600">
                      {formatPrice(item.unitPriceCents, cart.currency)} each
                    </p>
                    {problem ? (
                      <p className="text-sm font-medium text-red-700" data-testid="line-problem">
                        {problem}
                      </p>
                    ) : null}
                    <div className="flex flex-wrap items-center gap-3">
                      {item.status === 'unavailable' || item.status === 'out_of_stock' ? null : (
                        <label className="flex items-center gap-2 text-sm text-slate-700">
                          Quantity
                          <QuantitySelect
                            value={quantity}
                            max={max}
                            disabled={saving}
                            onQuantity={(next) => change(item, next)}
                            aria-label={`Quantity of ${item.name}`}
                            className="h-9 px-2"
                          />
                        </label>
                      )}
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={saving}
                        onClick={() => change(item, 0)}
                        aria-label={`Remove ${item.name}`}
                      >
                        Remove
                      </Button>
                      {saving ? <span className="text-sm text-slate-600">Saving…</span> : null}
                    </div>
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      </section>
      <aside aria-labelledby="cart-summary-heading">
        <Card>
          <CardContent className="flex flex-col gap-5">
            <h2 id="cart-summary-heading" className="text-lg font-semibold text-slate-900">
              Order summary
            </h2>
            <CartSummary totals={cart} currency={cart.currency} tier={cart.tier} updating={updating} />
            <p className="text-xs leading-relaxed text-slate-600" data-testid="shipping-rule">
              {shippingRule(cart.currency)}
            </p>
            {cart.canCheckout && !updating ? (
              <LinkButton href="/checkout" size="lg" data-testid="go-to-checkout">
                Check out
              </LinkButton>
            ) : (
              <>
                <span
                  aria-disabled="true"
                  className="inline-flex h-12 items-center justify-center rounded-lg bg-slate-200 px-6 font-semibold text-slate-600"
                >
                  Check out
                </span>
                {updating ? null : (
                  <p className="text-sm text-red-700">Fix the items marked above to check out.</p>
                )}
              </>
            )}
          </CardContent>
        </Card>
      </aside>
    </div>
  );
}

'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { MAX_LINE_QUANTITY } from '@/lib/cart/limits';
import { addToCart } from './cart-api';
import { QuantitySelect } from './quantity-select';

type AddToCartButtonProps = {
  productId: string;
  productName: string;
  stock: number;
  /** Listing cards: one unit, a smaller button, no quantity field. */
  compact?: boolean;
};

type Feedback = { tone: 'success' | 'danger'; message: string } | null;

/** Adds to the cart through the API; the page around it stays the same for every visitor. */
export function AddToCartButton({ productId, productName, stock, compact = false }: AddToCartButtonProps) {
  const [quantity, setQuantity] = useState(1);
  const [pending, setPending] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const quantityId = useId();
  const outOfStock = stock <= 0;
  const max = Math.max(1, Math.min(stock, MAX_LINE_QUANTITY));

  async function add() {
    setPending(true);
    setFeedback(null);
    const answer = await addToCart(productId, quantity);
    setPending(false);
    setFeedback(
      answer.ok
        ? { tone: 'success', message: `Added ${quantity} × ${productName} to your cart.` }
        : { tone: 'danger', message: answer.message },
    );
  }

  return (
    <div className={compact ? 'relative z-10 flex flex-col items-end gap-1' : 'flex flex-col gap-3'}>
      <div className="flex items-end gap-3">
        {compact ? null : (
          <div className="flex flex-col gap-1.5">
            <label htmlFor={quantityId} className="text-sm font-medium text-slate-800">
              Quantity
            </label>
            <QuantitySelect
              id={quantityId}
              value={quantity}
              max={max}
              disabled={outOfStock}
              onQuantity={setQuantity}
              className="h-12 px-3 text-base"
            />
          </div>
        )}
        <Button
          size={compact ? 'sm' : 'lg'}
          variant={compact ? 'secondary' : 'primary'}
          onClick={add}
          disabled={outOfStock || pending}
          data-testid="add-to-cart"
        >
          {outOfStock ? 'Out of stock' : pending ? 'Adding…' : 'Add to cart'}
          {/* On a card the product is named for screen readers, after the visible text (WCAG 2.5.3). */}
          {compact ? <span className="sr-only"> for {productName}</span> : null}
        </Button>
      </div>
      <p
        role="status"
        className={'min-h-5 text-sm ' + (feedback?.tone === 'danger' ? 'text-red-700' : 'text-emerald-800')}
      >
        {feedback ? (
          <>
            {compact && feedback.tone === 'success' ? 'Added to cart. ' : feedback.message}{' '}
            {feedback.tone === 'success' ? (
              <Link href="/cart" className="font-semibold underline">
                View cart
              </Link>
            ) : null}
          </>
        ) : null}
      </p>
    </div>
  );
}

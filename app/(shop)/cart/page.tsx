import type { Metadata } from 'next';
import { CartView } from '@/components/cart/cart-view';
import { Container } from '@/components/ui/container';

export const metadata: Metadata = { title: 'Your cart' };

// The same HTML for everyone: the cart itself is fetched in the browser from GET /api/cart.
export default function CartPage() {
  return (
    <Container className="flex flex-col gap-6 py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Your cart</h1>
      <CartView />
    </Container>
  );
}

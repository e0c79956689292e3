import type { Metadata } from 'next';
import { CheckoutFlow } from '@/components/checkout/checkout-flow';
import { LinkButton } from '@/components/ui/button';
import { Container } from '@/components/ui/container';
import { requireUser } from '@/lib/auth/gate';
import { readCart } from '@/lib/cart';
import { lastShippingAddress } from '@/lib/orders';

export const metadata: Metadata = { title: 'Checkout' };

// Signed in only: a guest is sent to sign in and comes back here, the guest cart merged into the user's at sign-in.
// Rendered per request behind the gate, priced for the tier the session reads right now.
export default async function CheckoutPage() {
  const { user } = await requireUser('/checkout');
  const [cart, savedAddress] = await Promise.all([
    readCart({ kind: 'user', userId: user.id }, user.tier),
    lastShippingAddress(user.id),
  ]);
  return (
    <Container className="flex flex-col gap-6 py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Checkout</h1>
      {cart.canCheckout ? (
        <CheckoutFlow cart={cart} savedAddress={savedAddress} />
      ) : (
        <div className="flex flex-col items-start gap-4">
          <p className="text-slate-700">
            {cart.items.length === 0
              ? 'Your cart is empty.'
              : 'Some items in your cart are out of stock or no longer sold. Fix them in your cart first.'}
          </p>
          <LinkButton href={cart.items.length === 0 ? '/search' : '/cart'}>
            {cart.items.length === 0 ? 'Browse products' : 'Go to your cart'}
          </LinkButton>
        </div>
      )}
    </Container>
  );
}

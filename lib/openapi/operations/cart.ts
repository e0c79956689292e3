import { addCartItemSchema, cartItemParamsSchema, cartSchema, updateCartItemSchema } from '@/lib/cart/schema';
import {
  checkoutHeadersSchema,
  checkoutSchema,
  orderBodySchema,
  orderIdParamsSchema,
  orderListQuerySchema,
  orderPageSchema,
} from '@/lib/orders/schema';
import type { Operation } from '../types';

// The cart, checkout and orders.

export const CART_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/api/cart',
    tag: 'Cart',
    summary: "The visitor's cart",
    access: 'public',
    success: {
      status: 200,
      description: 'The cart priced now for the tier of the session (empty without one).',
      schema: cartSchema,
    },
    errors: { 503: 'Redis is unavailable.' },
  },
  {
    method: 'post',
    path: '/api/cart/items',
    tag: 'Cart',
    summary: 'Add a product to the cart',
    access: 'public',
    body: addCartItemSchema,
    success: {
      status: 200,
      description: "The cart; a guest's first add sets the cart cookie.",
      schema: cartSchema,
    },
    errors: {
      404: 'The product does not exist.',
      409: 'Not that many in stock (available, inCart).',
      429: 'Too many new guest carts from this client this hour (an add without a cart cookie makes one).',
      503: 'Redis is unavailable.',
    },
  },
  {
    method: 'patch',
    path: '/api/cart/items/{productId}',
    tag: 'Cart',
    summary: 'Set the quantity of a line (0 removes it)',
    access: 'public',
    params: cartItemParamsSchema,
    body: updateCartItemSchema,
    success: { status: 200, description: 'The cart.', schema: cartSchema },
    errors: {
      404: 'The product does not exist.',
      409: 'Not that many in stock (available, inCart).',
      503: 'Redis is unavailable.',
    },
  },
  {
    method: 'delete',
    path: '/api/cart/items/{productId}',
    tag: 'Cart',
    summary: 'Remove a line',
    access: 'public',
    params: cartItemParamsSchema,
    success: { status: 200, description: 'The cart.', schema: cartSchema },
    errors: { 503: 'Redis is unavailable.' },
  },
  {
    method: 'post',
    path: '/api/checkout',
    tag: 'Orders',
    summary: 'Check out the cart',
    access: 'user',
    headers: checkoutHeadersSchema,
    body: checkoutSchema,
    success: {
      status: 201,
      description:
        'The order, paid. The same Idempotency-Key answers the same order again (header Idempotent-Replayed).',
      schema: orderBodySchema,
    },
    errors: {
      400: 'The input or the Idempotency-Key is not valid, or the cart is empty.',
      402: 'The card was declined; nothing was charged and the stock is back.',
      403: 'The account is banned or a lab account, or the request came from another site.',
      409: 'A line is out of stock, or the same key is still being processed.',
      429: 'Too many checkouts, or declined cards, this hour for this account or client; nothing was charged.',
      503: 'The payments service or Redis is unavailable; nothing was charged.',
    },
  },
  {
    method: 'get',
    path: '/api/orders',
    tag: 'Orders',
    summary: "The user's orders, newest first",
    access: 'user',
    query: orderListQuerySchema,
    success: { status: 200, description: 'One page of orders.', schema: orderPageSchema },
  },
  {
    method: 'get',
    path: '/api/orders/{id}',
    tag: 'Orders',
    summary: 'One order of the user',
    access: 'user',
    params: orderIdParamsSchema,
    success: { status: 200, description: 'The order.', schema: orderBodySchema },
    errors: { 404: "No such order on this account (another user's answers the same)." },
  },
];

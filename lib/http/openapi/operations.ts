import { z } from 'zod';
import { visitorBodySchema } from '@/lib/visitor/schema';
import {
  changePasswordSchema,
  loginSchema,
  passwordResetConfirmSchema,
  passwordResetRequestedSchema,
  passwordResetRequestSchema,
  registerSchema,
  sessionIdParamsSchema,
  verifyEmailSchema,
} from '@/lib/auth/schema';
import { addCartItemSchema, cartItemParamsSchema, cartSchema, updateCartItemSchema } from '@/lib/cart/schema';
import {
  categoryListSchema,
  productBodySchema,
  productChangeSchema,
  productPageSchema,
  productQuerySchema,
  productSlugParamsSchema,
} from '@/lib/catalog/schema';
import { healthSchema } from '@/lib/health/schema';
import { labAnswerSchema } from '@/lib/lab/answers';
import { mailboxBodySchema, mailboxQuerySchema } from '@/lib/mail/schema';
import {
  checkoutHeadersSchema,
  checkoutSchema,
  orderBodySchema,
  orderIdParamsSchema,
  orderListQuerySchema,
  orderPageSchema,
} from '@/lib/orders/schema';
import { paymentRequestSchema, paymentResultSchema } from '@/lib/payments/schema';
import {
  activeLiveStateSchema,
  deviceSessionListSchema,
  pollInsteadSchema,
  signedInBodySchema,
} from '@/lib/session/schema';
import {
  adminUserBodySchema,
  adminUserDetailSchema,
  auditPageSchema,
  auditQuerySchema,
  banSchema,
  listUsersQuerySchema,
  updateUserSchema,
  userIdParamsSchema,
  userListPageSchema,
} from '@/lib/users/schema';

// Every operation of the JSON API, with the schemas its route handler validates with and answers in. The OpenAPI
// document (./document.ts) is generated from this list, the fuzz run (e2e/api-fuzz.spec.ts) sends requests built
// from that document, and a unit test checks that every route file under app/api has its entry here.

export type Method = 'get' | 'post' | 'patch' | 'delete';

/**
 * Who may call it. public: anyone (a session, if any, is read); user / admin: the session gate (401, and 403 for
 * a ban or a non-admin); service: a bearer service JWT, no cookie counts.
 */
export type Access = 'public' | 'user' | 'admin' | 'service';

type ObjectSchema = z.ZodObject;

/** A status the operation answers in the error shape, with when. */
export type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 409 | 413 | 429 | 503;

export type Operation = {
  method: Method;
  /** OpenAPI path template: `/api/orders/{id}`. */
  path: string;
  tag: string;
  summary: string;
  access: Access;
  params?: ObjectSchema;
  query?: ObjectSchema;
  headers?: ObjectSchema;
  body?: z.ZodType;
  success: {
    status: 200 | 201 | 202 | 204;
    description: string;
    /** Absent: no body. */
    schema?: z.ZodType;
    /** Another way the same status can answer (the open-tab events: a stream, or a poll hint as JSON). */
    stream?: string;
  };
  /** Besides those every operation of its kind has (see withDefaultErrors in ./document.ts). */
  errors?: Partial<Record<ErrorStatus, string>>;
  /** Another success-shaped answer under an error status (the health check's 503 carries the same body). */
  alsoAnswers?: { status: 503; description: string; schema: z.ZodType };
};

/** Route files under app/api that are not JSON operations of this API, each with the reason. */
export const EXCLUDED_ROUTES: Record<string, string> = {
  'app/api/lab/auth/[...nextauth]/route.ts':
    "next-auth v4's own endpoints for the JWT lab (csrf, signin, callback, session): their protocol is next-auth's, " +
    'form posts and redirects rather than this JSON API, and documented by next-auth.',
};

const ADMIN_USER = 'The user does not exist.';

/** The document's own outline, enough for a client to know it has one (its parts are described by the spec). */
const openApiDocumentSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({}),
});

export const OPERATIONS: Operation[] = [
  // Catalog
  {
    method: 'get',
    path: '/api/categories',
    tag: 'Catalog',
    summary: 'List the categories',
    access: 'public',
    success: {
      status: 200,
      description: 'Every category with its product count.',
      schema: categoryListSchema,
    },
  },
  {
    method: 'get',
    path: '/api/products',
    tag: 'Catalog',
    summary: 'Search and list products',
    access: 'public',
    query: productQuerySchema,
    success: { status: 200, description: 'One page of products.', schema: productPageSchema },
    errors: { 404: 'No category has that slug.' },
  },
  {
    method: 'get',
    path: '/api/products/{slug}',
    tag: 'Catalog',
    summary: 'Read one product',
    access: 'public',
    params: productSlugParamsSchema,
    success: { status: 200, description: 'The product with its description.', schema: productBodySchema },
    errors: { 404: 'No product has that slug.' },
  },
  {
    method: 'patch',
    path: '/api/admin/products/{slug}',
    tag: 'Admin',
    summary: "Change a product's stock, price or text",
    access: 'admin',
    params: productSlugParamsSchema,
    body: productChangeSchema,
    success: {
      status: 200,
      description: 'The changed product; its cached pages are expired.',
      schema: productBodySchema,
    },
    errors: { 404: 'No product has that slug.' },
  },

  // Sign-in and account
  {
    method: 'get',
    path: '/api/session',
    tag: 'Session',
    summary: 'Who is visiting',
    access: 'public',
    success: {
      status: 200,
      description: 'The signed-in user, or null; a stale cookie is cleared.',
      schema: visitorBodySchema,
    },
    errors: { 503: 'Sessions are unavailable (Redis).' },
  },
  {
    method: 'get',
    path: '/api/me',
    tag: 'Session',
    summary: 'The signed-in user',
    access: 'user',
    success: { status: 200, description: 'The user of this session.', schema: signedInBodySchema },
  },
  {
    method: 'post',
    path: '/api/auth/register',
    tag: 'Session',
    summary: 'Create an account and sign in',
    access: 'public',
    body: registerSchema,
    success: {
      status: 201,
      description:
        'Signed in: the session and device cookies are set, a guest cart is merged; where the development ' +
        'mailbox is on, its cookie too (the verification link is kept for this browser).',
      schema: signedInBodySchema,
    },
    errors: {
      409: 'The email already has an account.',
      429: 'Too many registrations from this client.',
      503: 'Sessions are unavailable (Redis).',
    },
  },
  {
    method: 'post',
    path: '/api/auth/login',
    tag: 'Session',
    summary: 'Sign in',
    access: 'public',
    body: loginSchema,
    success: {
      status: 200,
      description: 'Signed in: the session and device cookies are set, a guest cart is merged.',
      schema: signedInBodySchema,
    },
    errors: {
      401: 'Email or password is incorrect.',
      403: 'The account is banned (with the reason and end), or the request came from another site.',
      429: 'Too many failed sign-ins for this account or client; retryAfterSeconds says when to try again.',
      503: 'Sessions are unavailable (Redis).',
    },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    tag: 'Session',
    summary: 'Sign out',
    access: 'public',
    success: { status: 204, description: 'The session is deleted and its cookie cleared.' },
    errors: { 503: 'Sessions are unavailable (Redis).' },
  },
  {
    method: 'post',
    path: '/api/auth/password-reset',
    tag: 'Passwords',
    summary: 'Mail a password reset link',
    access: 'public',
    body: passwordResetRequestSchema,
    success: {
      status: 202,
      description:
        'The same answer whether or not the address has an account. Where the development mailbox is on, it ' +
        'sets the mailbox cookie; the link is kept there only if this browser has signed in to the account.',
      schema: passwordResetRequestedSchema,
    },
    errors: { 429: 'Too many reset requests for this address or client.', 503: 'Redis is unavailable.' },
  },
  {
    method: 'post',
    path: '/api/auth/password-reset/confirm',
    tag: 'Passwords',
    summary: 'Set a new password with a mailed link',
    access: 'public',
    body: passwordResetConfirmSchema,
    success: { status: 204, description: 'The password is changed and every session revoked.' },
    errors: {
      400: 'The input is not valid, the password too weak, or the link invalid or expired.',
      503: 'Redis is unavailable.',
    },
  },
  {
    method: 'post',
    path: '/api/auth/verify-email',
    tag: 'Passwords',
    summary: 'Confirm an email address with a mailed link',
    access: 'public',
    body: verifyEmailSchema,
    success: { status: 204, description: 'The address is verified.' },
    errors: { 400: 'The input is not valid, or the link invalid or expired.' },
  },
  {
    method: 'post',
    path: '/api/account/password',
    tag: 'Account',
    summary: 'Change the password',
    access: 'user',
    body: changePasswordSchema,
    success: {
      status: 204,
      description: "Changed: every other session is revoked; this browser's cookie is renewed.",
    },
    errors: { 429: 'Too many wrong current passwords for this account.' },
  },
  {
    method: 'get',
    path: '/api/account/sessions',
    tag: 'Account',
    summary: "List the user's signed-in devices",
    access: 'user',
    success: { status: 200, description: 'Every live session of the user.', schema: deviceSessionListSchema },
  },
  {
    method: 'delete',
    path: '/api/account/sessions/{id}',
    tag: 'Account',
    summary: 'Sign out one device',
    access: 'user',
    params: sessionIdParamsSchema,
    success: { status: 204, description: 'Revoked (this very session: its cookie is cleared too).' },
    errors: { 404: 'No such session on this account (whoever else it belongs to).' },
  },
  {
    method: 'post',
    path: '/api/account/sessions/revoke-others',
    tag: 'Account',
    summary: 'Sign out every other device',
    access: 'user',
    success: { status: 204, description: 'Every session but this one is revoked.' },
  },
  {
    method: 'get',
    path: '/api/account/state',
    tag: 'Account',
    summary: "An open tab's session state (the poll where Redis has no pub/sub)",
    access: 'user',
    success: {
      status: 200,
      description: 'The active session: role, tier, version.',
      schema: activeLiveStateSchema,
    },
  },
  {
    method: 'get',
    path: '/api/account/events',
    tag: 'Account',
    summary: "An open tab's session events",
    access: 'user',
    success: {
      status: 200,
      description:
        'Server-sent events: the state now, then again after each change of the user (ban, revocation, tier or ' +
        'role). A session holds at most LIVE_STREAMS_PER_SESSION streams and a user LIVE_STREAMS_PER_USER (4 and ' +
        '12 by default): a newer one ends the oldest with {"status":"superseded"}. Where Redis has no pub/sub, JSON ' +
        'telling the tab to poll /api/account/state instead.',
      schema: pollInsteadSchema,
      stream: 'text/event-stream',
    },
  },

  // Cart, checkout, orders
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

  // Admin
  {
    method: 'get',
    path: '/api/admin/users',
    tag: 'Admin',
    summary: 'Search users',
    access: 'admin',
    query: listUsersQuerySchema,
    success: { status: 200, description: 'One page of users.', schema: userListPageSchema },
  },
  {
    method: 'get',
    path: '/api/admin/users/{id}',
    tag: 'Admin',
    summary: 'One user with their sessions',
    access: 'admin',
    params: userIdParamsSchema,
    success: { status: 200, description: 'The user and their live sessions.', schema: adminUserDetailSchema },
    errors: { 404: ADMIN_USER },
  },
  {
    method: 'patch',
    path: '/api/admin/users/{id}',
    tag: 'Admin',
    summary: "Change a user's tier or role",
    access: 'admin',
    params: userIdParamsSchema,
    body: updateUserSchema,
    success: { status: 200, description: 'The user after the change.', schema: adminUserBodySchema },
    errors: {
      403: 'Demoting yourself, a non-admin caller, or a request from another site.',
      404: ADMIN_USER,
      409: 'The last active admin cannot be demoted.',
    },
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/ban',
    tag: 'Admin',
    summary: 'Ban a user (every session revoked at once)',
    access: 'admin',
    params: userIdParamsSchema,
    body: banSchema,
    success: { status: 200, description: 'The banned user.', schema: adminUserBodySchema },
    errors: {
      403: 'Banning yourself, a non-admin caller, or a request from another site.',
      404: ADMIN_USER,
      409: 'The last active admin cannot be banned.',
    },
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/unban',
    tag: 'Admin',
    summary: 'Lift a ban',
    access: 'admin',
    params: userIdParamsSchema,
    success: { status: 200, description: 'The user.', schema: adminUserBodySchema },
    errors: { 404: ADMIN_USER },
  },
  {
    method: 'get',
    path: '/api/admin/users/{id}/sessions',
    tag: 'Admin',
    summary: "A user's live sessions",
    access: 'admin',
    params: userIdParamsSchema,
    success: { status: 200, description: 'The sessions.', schema: deviceSessionListSchema },
    errors: { 404: ADMIN_USER },
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/revoke-sessions',
    tag: 'Admin',
    summary: 'Sign a user out everywhere',
    access: 'admin',
    params: userIdParamsSchema,
    success: { status: 204, description: 'Every session of the user is revoked.' },
    errors: { 404: ADMIN_USER },
  },
  {
    method: 'delete',
    path: '/api/admin/sessions/{id}',
    tag: 'Admin',
    summary: 'Revoke one session of any user',
    access: 'admin',
    params: sessionIdParamsSchema,
    success: { status: 204, description: 'Revoked.' },
    errors: { 404: 'No such session.' },
  },
  {
    method: 'get',
    path: '/api/admin/audit',
    tag: 'Admin',
    summary: 'The audit log, newest first',
    access: 'admin',
    query: auditQuerySchema,
    success: { status: 200, description: 'One page of audit entries.', schema: auditPageSchema },
  },

  // The JWT lab
  {
    method: 'get',
    path: '/api/lab/redis-me',
    tag: 'Lab',
    summary: 'The lab user as the Redis session sees it',
    access: 'public',
    success: {
      status: 200,
      description: 'The session and its user, read from Redis.',
      schema: labAnswerSchema,
    },
    errors: { 401: 'No storefront session: signed out, revoked or banned.', 503: 'Redis is unavailable.' },
  },
  {
    method: 'get',
    path: '/api/lab/jwt-me',
    tag: 'Lab',
    summary: 'The lab user as the stateless JWT says',
    access: 'public',
    success: {
      status: 200,
      description: "The JWT's claims; no Redis, no database.",
      schema: labAnswerSchema,
    },
    errors: { 401: 'No valid lab JWT.' },
  },
  {
    method: 'get',
    path: '/api/lab/denylist-me',
    tag: 'Lab',
    summary: 'The lab user as the JWT with a Redis deny-list says',
    access: 'public',
    success: {
      status: 200,
      description: "The JWT's claims, checked against the deny-list.",
      schema: labAnswerSchema,
    },
    errors: {
      401: 'No valid lab JWT.',
      403: 'The JWT is valid but its user is on the deny-list.',
      503: 'Redis is unavailable.',
    },
  },

  // Operations and services
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'Operations',
    summary: 'This document',
    access: 'public',
    success: {
      status: 200,
      description: 'The OpenAPI 3.1 document of the JSON API.',
      schema: openApiDocumentSchema,
    },
  },
  {
    method: 'get',
    path: '/api/health',
    tag: 'Operations',
    summary: 'Whether PostgreSQL and Redis answer',
    access: 'public',
    success: { status: 200, description: 'Both are up.', schema: healthSchema },
    alsoAnswers: { status: 503, description: 'One of them is down (same body).', schema: healthSchema },
  },
  {
    method: 'get',
    path: '/api/dev/mailbox',
    tag: 'Operations',
    summary: "This browser's development mailbox (off with SMTP, and in production unless MAILBOX=on)",
    access: 'public',
    query: mailboxQuerySchema,
    success: {
      status: 200,
      description:
        'The newest mail this browser asked for (its mailbox cookie), optionally only to one address; none ' +
        'without the cookie.',
      schema: mailboxBodySchema,
    },
    errors: { 404: 'The mailbox is off.' },
  },
  {
    method: 'post',
    path: '/api/internal/payments',
    tag: 'Operations',
    summary: 'Authorize a card payment (service to service)',
    access: 'service',
    body: paymentRequestSchema,
    success: { status: 200, description: 'Approved or declined.', schema: paymentResultSchema },
  },
];

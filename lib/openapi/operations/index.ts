import type { Operation } from '../types';
import { CATALOG_OPERATIONS } from './catalog';
import { ACCOUNT_OPERATIONS } from './account';
import { CART_OPERATIONS } from './cart';
import { ADMIN_OPERATIONS } from './admin';
import { LAB_OPERATIONS } from './lab';
import { SERVICE_OPERATIONS } from './service';

// Every operation of the JSON API, with the schemas its route handler validates with and answers in. The OpenAPI
// document (../document.ts) is generated from this list, the fuzz run (e2e/api-fuzz.spec.ts) sends requests built
// from that document, and a unit test checks that every route file under app/api has its entry here.

export const OPERATIONS: Operation[] = [
  ...CATALOG_OPERATIONS,
  ...ACCOUNT_OPERATIONS,
  ...CART_OPERATIONS,
  ...ADMIN_OPERATIONS,
  ...LAB_OPERATIONS,
  ...SERVICE_OPERATIONS,
];

/** Route files under app/api that are not JSON operations of this API, each with the reason. */
export const EXCLUDED_ROUTES: Record<string, string> = {
  'app/api/lab/auth/[...nextauth]/route.ts':
    "next-auth v4's own endpoints for the JWT lab (csrf, signin, callback, session): their protocol is next-auth's, " +
    'form posts and redirects rather than this JSON API, and documented by next-auth.',
};

import { labAnswerSchema } from '@/lib/lab/answers';
import type { Operation } from '../types';

// The JWT lab: the same shop signed in with JWTs, to compare revocation.

export const LAB_OPERATIONS: Operation[] = [
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
];

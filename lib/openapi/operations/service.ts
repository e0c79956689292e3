import { z } from 'zod';
import { healthSchema } from '@/lib/health/schema';
import { mailboxBodySchema, mailboxQuerySchema } from '@/lib/mail/schema';
import { paymentRequestSchema, paymentResultSchema } from '@/lib/payments/schema';
import type { Operation } from '../types';

// Operations and services: this document, health, the dev mailbox, the payment service.

/** The document's own outline, enough for a client to know it has one (its parts are described by the spec). */
const openApiDocumentSchema = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({}),
});

export const SERVICE_OPERATIONS: Operation[] = [
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

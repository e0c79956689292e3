import type { z } from 'zod';

// What one operation of the JSON API says about itself: lib/openapi/operations/ lists them, ./document.ts writes the
// OpenAPI document from the list.

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

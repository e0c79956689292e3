import { z } from 'zod';
import { isDatabaseUnavailable } from '@/lib/db/errors';
import { isRedisUnavailable } from '@/lib/redis/errors';
import { jsonAnswer } from './no-store';

// The one error shape of the JSON API: { error: { code, message, fields? } }.

const ERROR_CODES = [
  'bad_request',
  'invalid_json',
  'validation_failed',
  'payload_too_large',
  'unauthenticated',
  'invalid_credentials',
  'banned',
  'forbidden',
  'csrf_rejected',
  'not_found',
  'conflict',
  'email_taken',
  'invalid_token',
  'insufficient_stock',
  'out_of_stock',
  'card_declined',
  'self_action',
  'last_admin',
  'rate_limited',
  'service_unavailable',
  'session_store_unavailable',
  'database_unavailable',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  banned: 403,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  invalid_token: 400,
  insufficient_stock: 409,
  out_of_stock: 409,
  card_declined: 402,
  self_action: 403,
  last_admin: 409,
  rate_limited: 429,
  service_unavailable: 503,
  session_store_unavailable: 503,
  database_unavailable: 503,
  internal_error: 500,
};

export type FieldErrors = Record<string, string[]>;

/** The error body as the API document publishes it: every extra field an error may carry is named here. */
export const errorBodySchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe('Which input was refused and why: a dotted path ("_" for the whole input) → messages.'),
      retryAfterSeconds: z
        .number()
        .int()
        .nonnegative()
        .optional()
        .describe('rate_limited: when to try again.'),
      until: z.iso.datetime().optional().describe('banned: when the ban ends (absent: permanent).'),
      available: z.number().int().nonnegative().optional().describe('insufficient_stock: units left.'),
      inCart: z
        .number()
        .int()
        .nonnegative()
        .optional()
        .describe('insufficient_stock: units already in the cart.'),
      redisLookups: z.number().int().nonnegative().optional().describe('The lab: Redis round trips it cost.'),
    }),
  })
  .meta({ id: 'Error', description: 'The one error shape of the JSON API.' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** What an error may carry besides its code, message and fields. */
type ErrorDetails = Omit<ErrorBody['error'], 'code' | 'message' | 'fields'>;

/** An error the app expects and answers with its own status; anything else is a 500. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: {
      fields?: FieldErrors;
      headers?: Record<string, string>;
      details?: ErrorDetails;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[code];
  }
}

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

function errorBody(error: AppError): ErrorBody {
  return {
    error: {
      ...error.options.details,
      code: error.code,
      message: error.message,
      ...(error.options.fields ? { fields: error.options.fields } : {}),
    },
  };
}

const SESSION_STORE_UNAVAILABLE_MESSAGE =
  "We can't verify your session right now, so nothing was read or changed. Please try again in a moment.";

/** Redis (sessions, carts, rate limits) did not answer: everything that needs it fails closed with this. */
function sessionStoreUnavailable(): AppError {
  return new AppError('session_store_unavailable', SESSION_STORE_UNAVAILABLE_MESSAGE, {
    headers: { 'Retry-After': '5' },
  });
}

/**
 * A backing service that did not answer, as the AppError the user is shown (503), or null for anything else. Server
 * actions use it too, so a form says what happened instead of falling into the error page.
 */
export function unavailableError(error: unknown): AppError | null {
  if (isRedisUnavailable(error)) {
    console.error(error.message);
    return sessionStoreUnavailable();
  }
  if (isDatabaseUnavailable(error)) {
    console.error(
      'PostgreSQL unavailable:',
      error instanceof Error ? error.message.split('\n').at(-1) : error,
    );
    return new AppError(
      'database_unavailable',
      'Our database is not answering right now, so this could not be done. Please try again in a moment.',
      { headers: { 'Retry-After': '5' } },
    );
  }
  return null;
}

/** Maps any thrown value to the API's error response; the detail of an unexpected error stays in the log. */
export function errorResponse(error: unknown): Response {
  if (error instanceof z.ZodError) {
    const fields = fieldErrors(error);
    const names = Object.keys(fields).join(', ');
    error = new AppError('validation_failed', `Invalid ${names || 'input'}.`, { fields });
  }
  error = unavailableError(error) ?? error;
  if (error instanceof AppError) {
    return jsonAnswer(errorBody(error), { status: error.status, headers: error.options.headers });
  }
  console.error('Unhandled error in API route:', error);
  return jsonAnswer(
    { error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' } },
    { status: 500 },
  );
}

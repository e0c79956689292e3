import { z } from 'zod';
import { AppError, fieldErrors, unavailableError, type ErrorCode, type FieldErrors } from './errors';

// What every server action (lib/auth, lib/admin, lib/lab) tells its form, mapped once: the same refusals and the
// same outage messages a route handler answers with (./errors.ts), so a form never falls into the error page.

/** A text field of a form post; undefined for a missing field or a file. */
export function formText(formData: FormData, key: string): string | undefined {
  const value = formData.get(key);
  return typeof value === 'string' ? value : undefined;
}

type ActionFailure = { message: string; code: ErrorCode; errors?: FieldErrors };

/**
 * A thrown error as the form shows it: an AppError's message, code and fields; a schema's refusal with its fields;
 * Redis or PostgreSQL away as the route's 503. Anything else is a bug and is thrown on, to the error page.
 */
export function actionFailure(caught: unknown): ActionFailure {
  if (caught instanceof z.ZodError) {
    return {
      message: 'Check the highlighted fields.',
      code: 'validation_failed',
      errors: fieldErrors(caught),
    };
  }
  const error = unavailableError(caught) ?? caught;
  if (!(error instanceof AppError)) throw error;
  const failure: ActionFailure = { message: error.message, code: error.code };
  if (error.options.fields) failure.errors = error.options.fields;
  return failure;
}

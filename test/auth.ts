import { randomUUID } from 'node:crypto';
import { AppError } from '@/lib/http/errors';

// Helpers for the auth tests (Vitest, route handlers called with a plain Request). Nothing else imports this.

export const TEST_ORIGIN = 'http://shop.test';

export function uniqueEmail(): string {
  return `user-${randomUUID()}@test.example`;
}

export function apiRequest(
  path: string,
  options: {
    method?: string;
    body?: unknown;
    rawBody?: string;
    cookie?: string | null;
    headers?: Record<string, string>;
  } = {},
): Request {
  const headers: Record<string, string> = { host: new URL(TEST_ORIGIN).host, ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  return new Request(new URL(path, TEST_ORIGIN), {
    method: options.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
  });
}

/** The `name=value` pair of the session cookie a response set, ready to send back in a Cookie header. */
export function sessionCookieFrom(response: Response): string {
  const header = response.headers.get('set-cookie');
  const pair = header?.split(';')[0];
  if (!pair || pair.endsWith('=')) throw new Error(`Expected a session cookie, got: ${header}`);
  return pair;
}

/**
 * A browser's cookie jar as a Cookie header: `jar` with every cookie the response set (or removed) applied, so the
 * next request can carry the session, the device cookie and the mailbox cookie together.
 */
export function cookiesFrom(response: Response, jar = ''): string {
  const cookies = new Map<string, string>();
  const add = (pair: string) => cookies.set(pair.slice(0, pair.indexOf('=')), pair);
  jar.split('; ').filter(Boolean).forEach(add);
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';')[0] ?? '';
    if (pair.endsWith('=')) cookies.delete(pair.slice(0, -1));
    else add(pair);
  }
  return [...cookies.values()].join('; ');
}

/** The development mailbox secret a cookie jar holds (lib/auth/mailbox-cookie.ts), or fails the test. */
export function mailboxOf(jar: string): string {
  const secret = jar
    .split('; ')
    .find((pair) => pair.startsWith('mailbox='))
    ?.slice('mailbox='.length);
  if (!secret) throw new Error(`Expected a mailbox cookie, got: ${jar}`);
  return secret;
}

/** The AppError a call fails with; fails the test if it succeeds or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('Expected the call to fail');
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/db/generated/client';
import { RedisUnavailableError } from '@/lib/redis/errors';
import { AppError, errorResponse } from './errors';
import { apiHandler, parseJsonBody, parseSearchParams } from './handler';
import { MAX_JSON_BYTES } from './limits';

const bodySchema = z.object({ email: z.email(), quantity: z.number().int().min(1) });

function post(body: string, headers: Record<string, string> = {}) {
  return new Request('http://localhost/api/thing', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('the JSON error shape', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers a zod error with 400 validation_failed naming every bad field', async () => {
    const parsed = bodySchema.safeParse({ email: 'nope', quantity: 0 });
    const response = errorResponse(parsed.error);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fields).sort()).toEqual(['email', 'quantity']);
    expect(body.error.message).toMatch(/email/);
  });

  it('answers an AppError with its own status, headers and details', async () => {
    const response = errorResponse(
      new AppError('rate_limited', 'Too many attempts.', {
        headers: { 'Retry-After': '60' },
        details: { retryAfterSeconds: 60 },
      }),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(await response.json()).toEqual({
      error: { code: 'rate_limited', message: 'Too many attempts.', retryAfterSeconds: 60 },
    });
  });

  it('answers Redis being down with 503, not 500', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = errorResponse(new RedisUnavailableError('EVALSHA', 'connect ECONNREFUSED'));
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('session_store_unavailable');
    expect(response.headers.get('retry-after')).toBe('5');
  });

  it('answers PostgreSQL being unreachable with 503, not 500', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A real driver error: port 1 on loopback is closed.
    const unreachable = new PrismaClient({
      adapter: new PrismaPg({ connectionString: 'postgresql://postgres@127.0.0.1:1/none' }),
    });
    const failure = await unreachable.user.findFirst().catch((error: unknown) => error);
    const response = errorResponse(failure);
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('database_unavailable');
  });

  it('answers anything else with a generic 500 and keeps the detail in the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = errorResponse(new Error('password=hunter2 in a stack trace'));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text).error.code).toBe('internal_error');
    expect(log).toHaveBeenCalled();
  });
});

describe('request parsing', () => {
  const handle = apiHandler(async (request: Request) =>
    Response.json(await parseJsonBody(request, bodySchema)),
  );

  it('passes a valid body through', async () => {
    const response = await handle(post(JSON.stringify({ email: 'a@b.example', quantity: 2 })));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ email: 'a@b.example', quantity: 2 });
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const response = await handle(post('{"email": '));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid_json');
  });

  it('answers a body over the limit with 413, whether or not Content-Length says so', async () => {
    const big = JSON.stringify({ email: 'a@b.example', quantity: 1, pad: 'x'.repeat(MAX_JSON_BYTES) });
    const declared = await handle(post(big, { 'content-length': String(big.length) }));
    expect(declared.status).toBe(413);
    const undeclared = await handle(post(big));
    expect(undeclared.status).toBe(413);
    expect((await undeclared.json()).error.code).toBe('payload_too_large');
  });

  it('names the bad query parameter', () => {
    const schema = z.object({ page: z.coerce.number().int().min(1) });
    expect(parseSearchParams(new Request('http://localhost/x?page=2'), schema)).toEqual({ page: 2 });
    expect(() => parseSearchParams(new Request('http://localhost/x?page=0'), schema)).toThrow(z.ZodError);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiHandler, parseJsonBody } from './handler';
import { MAX_JSON_BYTES } from './limits';

const CHUNK_BYTES = 1024;
const ATTACK_BYTES = 8 * 1024 * 1024;
const schema = z.object({ name: z.string() });

/** A chunked body of 8 MB in 1 KiB chunks, counting the chunks the reader pulls. */
function hugeBody() {
  const counter = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += 1;
      controller.enqueue(new Uint8Array(CHUNK_BYTES).fill(0x20));
      if (counter.pulled * CHUNK_BYTES >= ATTACK_BYTES) controller.close();
    },
    cancel() {
      counter.cancelled = true;
    },
  });
  return { body, counter };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('parseJsonBody', () => {
  it('stops reading a chunked body just past the limit and answers 413 in the error shape', async () => {
    const { body, counter } = hugeBody();
    const handler = apiHandler(async (request: Request) =>
      Response.json(await parseJsonBody(request, schema)),
    );
    const response = await handler(post(body));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: 'payload_too_large', message: 'The request body is too large.' },
    });
    // The limit's worth of chunks, one more that crosses it, and what the stream queues ahead.
    expect(counter.pulled).toBeLessThanOrEqual(MAX_JSON_BYTES / CHUNK_BYTES + 3);
    expect(counter.cancelled).toBe(true);
  });

  it('refuses a declared length over the limit without reading, and reads one at the limit', async () => {
    const { body, counter } = hugeBody();
    await expect(
      parseJsonBody(post(body, { 'content-length': String(MAX_JSON_BYTES + 1) }), schema),
    ).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(counter.pulled).toBeLessThanOrEqual(1);

    const name = 'x'.repeat(MAX_JSON_BYTES - JSON.stringify({ name: '' }).length);
    expect(await parseJsonBody(post(JSON.stringify({ name })), schema)).toEqual({ name });
    await expect(parseJsonBody(post(JSON.stringify({ name: `${name}x` })), schema)).rejects.toMatchObject({
      code: 'payload_too_large',
    });
  });

  it('reads multi-byte text split across chunks, and answers invalid_json for what is not JSON', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ name: 'Zoë €' }));
    const split = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
        controller.close();
      },
    });
    expect(await parseJsonBody(post(split), schema)).toEqual({ name: 'Zoë €' });
    await expect(parseJsonBody(post('{nope'), schema)).rejects.toMatchObject({ code: 'invalid_json' });
  });
});

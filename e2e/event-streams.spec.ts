import { expect, test } from './fixtures/users';

// LIVE_STREAMS_PER_SESSION's default, which the e2e server runs with.
const PER_SESSION = 4;

type Streams = { nextMessage: (i: number) => Promise<string>; nextMessages: () => Promise<string[]> };

test('a tab whose event stream a newer one replaced waits until it is shown again, then follows again', async ({
  page,
  context,
  user,
  admin,
}) => {
  const follows: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/account/events') follows.push(request.url());
  });
  await page.goto('/account');
  await expect.poll(() => follows.length).toBe(1);

  // Another tab of the same browser, on a page without a follower of its own, opens as many streams as the session
  // may hold; each reads its first state.
  const other = await context.newPage();
  await other.goto('/api/me');
  await expect(other.locator('body')).toContainText(user.email);
  const { id } = JSON.parse((await other.locator('body').textContent()) ?? '{}').user as { id: string };
  await other.evaluate(async (count) => {
    const decoder = new TextDecoder();
    const readers: ReadableStreamDefaultReader<Uint8Array>[] = [];
    const buffers: string[] = [];
    async function message(i: number): Promise<string> {
      for (;;) {
        const data = /^data: (.*)$/m.exec(buffers[i] as string);
        if (data) {
          buffers[i] = (buffers[i] as string).slice(data.index + data[0].length);
          return data[1] as string;
        }
        const { value, done } = await (readers[i] as ReadableStreamDefaultReader<Uint8Array>).read();
        if (done) return 'closed';
        buffers[i] += decoder.decode(value);
      }
    }
    for (let i = 0; i < count; i += 1) {
      const response = await fetch('/api/account/events', { headers: { accept: 'text/event-stream' } });
      readers.push((response.body as ReadableStream<Uint8Array>).getReader());
      buffers.push('');
      await message(i);
    }
    (window as unknown as Streams).nextMessage = message;
    (window as unknown as Streams).nextMessages = () => Promise.all(readers.map((_, i) => message(i)));
  }, PER_SESSION);

  // The first tab's stream was the oldest: a newer one replaced it, and the tab did not reconnect.
  expect((await admin.request.patch(`/api/admin/users/${id}`, { data: { tier: 'premium' } })).status()).toBe(
    200,
  );
  // The change reaches every one of the other tab's streams: none was replaced by a reconnect of the first.
  const afterChange = await other.evaluate(() => (window as unknown as Streams).nextMessages());
  for (const data of afterChange)
    expect(JSON.parse(data)).toMatchObject({ status: 'active', tier: 'premium' });
  expect(follows).toHaveLength(1);

  // Shown again, the first tab follows its session again, in the slot of the session's oldest stream.
  const oldest = other.evaluate(() => (window as unknown as Streams).nextMessage(0));
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect.poll(() => follows.length).toBe(2);
  expect(JSON.parse(await oldest)).toEqual({ status: 'superseded' });
});

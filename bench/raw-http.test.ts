import { describe, expect, it } from 'vitest';
import { requestBytes, responseEnd } from './raw-http';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('the load generator’s HTTP', () => {
  it('writes a keep-alive GET with the cookie, or none', () => {
    const url = new URL('http://127.0.0.1:3200/api/me?x=1');
    expect(requestBytes(url, 'sid=abc').toString('latin1')).toBe(
      'GET /api/me?x=1 HTTP/1.1\r\nHost: 127.0.0.1:3200\r\nCookie: sid=abc\r\nConnection: keep-alive\r\n\r\n',
    );
    expect(requestBytes(url, null).toString('latin1')).not.toContain('Cookie');
  });

  it('ends a response by its Content-Length, and waits for the rest of its body', () => {
    const head = 'HTTP/1.1 401 Unauthorized\r\nContent-Length: 5\r\n\r\n';
    expect(responseEnd(bytes(`${head}abc`))).toBeNull();
    expect(responseEnd(bytes(`${head}abcdeHTTP/1.1 200`))).toEqual({ end: head.length + 5, status: 401 });
  });

  it('walks chunks to the last one, with or without trailers', () => {
    const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n';
    const body = '2\r\nab\r\na\r\n0123456789\r\n0\r\n\r\n';
    expect(responseEnd(bytes(head + body.slice(0, -3)))).toBeNull();
    expect(responseEnd(bytes(head + body + 'next'))).toEqual({ end: (head + body).length, status: 200 });
    const trailed = '1\r\nx\r\n0\r\nX-Trailer: y\r\n\r\n';
    expect(responseEnd(bytes(head + trailed))).toEqual({ end: (head + trailed).length, status: 200 });
  });

  it('takes a response with neither length nor chunks as ending with its head', () => {
    const head = 'HTTP/1.1 204 No Content\r\nDate: x\r\n\r\n';
    expect(responseEnd(bytes(head + 'HTTP'))).toEqual({ end: head.length, status: 204 });
  });
});

// The HTTP/1.1 the bench's load generator speaks: a request's bytes, and where a response ends in what a socket read.

const HEADER_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

export function requestBytes(url: URL, cookie: string | null): Buffer {
  const cookieLine = cookie ? `Cookie: ${cookie}\r\n` : '';
  return Buffer.from(
    `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n${cookieLine}Connection: keep-alive\r\n\r\n`,
    'latin1',
  );
}

/** Where the response starting at 0 ends in `data` (bytes), or -1 while incomplete; and its status. */
export function responseEnd(data: Buffer): { end: number; status: number } | null {
  const headerEnd = data.indexOf(HEADER_END);
  if (headerEnd < 0) return null;
  const head = data.toString('latin1', 0, headerEnd);
  const status = Number(head.slice(9, 12));
  const bodyStart = headerEnd + HEADER_END.length;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) {
    const end = bodyStart + Number(length[1]);
    return end <= data.length ? { end, status } : null;
  }
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) return { end: bodyStart, status };
  // Chunked: walk the chunk sizes to the last (empty) chunk and its closing CRLF.
  let at = bodyStart;
  for (;;) {
    const lineEnd = data.indexOf(CRLF, at);
    if (lineEnd < 0) return null;
    const size = parseInt(data.toString('latin1', at, lineEnd), 16);
    if (Number.isNaN(size)) throw new Error('malformed chunked response');
    if (size === 0) {
      // The empty trailer section ends at the first blank line: "0\r\n\r\n" in the usual case.
      const trailerEnd = data.indexOf(HEADER_END, lineEnd);
      return trailerEnd < 0 ? null : { end: trailerEnd + HEADER_END.length, status };
    }
    at = lineEnd + CRLF.length + size + CRLF.length;
    if (at > data.length) return null;
  }
}

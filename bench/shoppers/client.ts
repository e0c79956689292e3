import { verdictOf, type Access, type Kind, type RequestRecord } from './checks';

// One virtual shopper's HTTP client: plain fetch to one of the instances (picked per request), its own cookies, and
// every request recorded with its timing and verdict for the checks.

/** Thrown by send() once the run's time is up: the shopper stops where it is. */
export class TimeUp extends Error {}

export type Call = {
  kind: Kind;
  route: string;
  path: string;
  access: Access;
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  /** Which instance; a random one when not given. */
  instance?: number;
};

export type Reply = { status: number; headers: Headers; text: string; record: RequestRecord };

// The session cookie is kept even when the server clears it, as a copied cookie would be: a revoked or banned
// session must be refused however often it comes back. Guest-cart cookies are never kept, so a guest's cart read is
// always the empty cart (see verdictOf).
const SESSION_COOKIE = 'sid';
const IGNORED_COOKIES = new Set(['cart', '__Host-cart']);

export type ClientSettings = {
  urls: string[];
  deadline: number;
  timeoutMs: number;
  recorded: RequestRecord[];
};

export class ShopperClient {
  /** Whose requests these are, for the ban check; null while a guest. */
  userId: string | null = null;
  private cookies = new Map<string, string>();

  constructor(private readonly settings: ClientSettings) {}

  /** A new visitor: no cookies, nobody signed in. */
  reset(): void {
    this.cookies.clear();
    this.userId = null;
  }

  private keep(setCookies: string[]): string[] {
    const names: string[] = [];
    for (const line of setCookies) {
      const pair = line.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      names.push(name);
      if (IGNORED_COOKIES.has(name)) continue;
      const cleared = value === '' || /;\s*max-age=0\b/i.test(line);
      if (!cleared) this.cookies.set(name, value);
      else if (name !== SESSION_COOKIE) this.cookies.delete(name);
    }
    return names;
  }

  async send(call: Call): Promise<Reply> {
    if (performance.now() >= this.settings.deadline) throw new TimeUp();
    const { urls, timeoutMs, recorded } = this.settings;
    const instance = call.instance ?? Math.floor(Math.random() * urls.length);
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const headers: Record<string, string> = { ...call.headers };
    if (cookie) headers.cookie = cookie;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    const startedAt = performance.now();
    let status = 0;
    let answeredAt = startedAt;
    let text = '';
    let responseHeaders = new Headers();
    let setCookieNames: string[] = [];
    try {
      const response = await fetch(`${urls[instance]}${call.path}`, {
        method: call.method ?? 'GET',
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      answeredAt = performance.now();
      status = response.status;
      responseHeaders = response.headers;
      setCookieNames = this.keep(response.headers.getSetCookie());
      text = await response.text();
    } catch {
      // No answer (refused connection, reset, timeout): status 0, counted as a failure by the checks.
    }
    const record: RequestRecord = {
      kind: call.kind,
      route: call.route,
      instance,
      userId: this.userId,
      startedAt,
      answeredAt,
      latencyMs: performance.now() - startedAt,
      status,
      verdict:
        status === 0
          ? 'public'
          : verdictOf(call.access, {
              status,
              location: responseHeaders.get('location'),
              setCookieNames,
              body: text,
            }),
    };
    if (status >= 500) record.detail = text.slice(0, 300);
    recorded.push(record);
    return { status, headers: responseHeaders, text, record };
  }
}

/** The parsed JSON body, or null. */
export function json<T>(reply: Reply): T | null {
  try {
    return JSON.parse(reply.text) as T;
  } catch {
    return null;
  }
}

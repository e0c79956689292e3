import 'server-only';
import { createHash } from 'node:crypto';
import { env, sessionSecrets } from '@/lib/env';
import {
  cookieKey,
  keyringOf,
  openCookieValue,
  sealCookieValue,
  type CookieKey,
  type CookieKeyring,
} from './cookie-seal';
import { openSeal, type SealPasswords } from './seal';

// The cookie carries only the opaque session token, sealed (encrypted, then authenticated: cookie-seal.ts) so a stolen
// database dump or a guessed format cannot forge one. Everything else about the session lives in Redis.

const SECURE_NAME = '__Host-sid';
const PLAIN_NAME = 'sid';

// iron-session wrote the cookies this app set before its own seal (cookie-seal.ts): they still open, through the
// synchronous Fe26.2 opener (seal.ts), until they expire, so no signed-in visitor or guest cart is lost to the
// change. Nothing writes Fe26.2 any more; once SESSION_ABSOLUTE_SECONDS have passed since, seal.ts can go.
const IRON_PREFIX = 'Fe26.2*';

// iron-session's password id for a secret: a hash of the secret itself, as the app sealed with it.
function ironPasswordId(secret: string): string {
  return String(parseInt(createHash('sha256').update(secret).digest('hex').slice(0, 12), 16));
}

type Keys = { seal: CookieKey; open: CookieKeyring; iron: SealPasswords };

function deriveKeys(secretsKey: string): Keys {
  const secrets = secretsKey.split('\n');
  const [first] = secrets;
  if (!first) throw new Error('SESSION_SECRET is empty: set at least one secret of 32 or more characters.');
  const keys = secrets.map(cookieKey);
  return {
    seal: keys[0] as CookieKey,
    open: keyringOf(keys),
    iron: Object.fromEntries(secrets.map((secret) => [ironPasswordId(secret), secret])),
  };
}

// Worked out once per list of secrets (an HKDF and two hashes a secret), not on every request. The list changes
// only with the configuration (and in tests), so the last one is all there is to remember.
let derived: { secretsKey: string; keys: Keys } | null = null;

function keys(secrets: string[]): Keys {
  const secretsKey = secrets.join('\n');
  if (derived?.secretsKey !== secretsKey) derived = { secretsKey, keys: deriveKeys(secretsKey) };
  return derived.keys;
}

function open(sealed: string, secrets: string[]): unknown {
  const { open: keyring, iron } = keys(secrets);
  if (sealed.startsWith(IRON_PREFIX)) return openSeal(sealed, iron) ?? undefined;
  return openCookieValue(sealed, keyring);
}

/**
 * Seals any small record with the session secrets (encrypted and authenticated), for the app's other cookies that
 * must not be forged or read: the same rotation rules as the session cookie.
 */
export async function sealValue(data: Record<string, unknown>, ttlSeconds: number): Promise<string> {
  return sealCookieValue(data, ttlSeconds, keys(sessionSecrets()).seal);
}

/** The record inside a seal made by sealValue, or null for anything tampered, expired or foreign. */
export function openValue(sealed: string): Record<string, unknown> | null {
  if (!sealed) return null;
  const data = open(sealed, sessionSecrets());
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  return Object.keys(data).length ? (data as Record<string, unknown>) : null;
}

export async function sealToken(token: string, secrets: string[] = sessionSecrets()): Promise<string> {
  return sealCookieValue(token, env.SESSION_ABSOLUTE_SECONDS, keys(secrets).seal);
}

/** The token inside a sealed cookie, or null for anything tampered, truncated, expired or foreign. */
export function unsealToken(sealed: string, secrets: string[] = sessionSecrets()): string | null {
  if (!sealed) return null;
  const data = open(sealed, secrets);
  // An iron seal held the token as { t }; ours holds the string itself.
  const token = sealed.startsWith(IRON_PREFIX) ? (data as { t?: unknown } | undefined)?.t : data;
  return typeof token === 'string' && token.length > 0 ? token : null;
}

/** `__Host-` pins the cookie to this exact host, https and Path=/; browsers refuse it over plain http. */
export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_NAME : PLAIN_NAME;
}

export type SessionCookieOptions = {
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  /** Absent: a browser-session cookie, gone when the browser closes. */
  maxAge?: number;
};

/** `maxAge` null makes a browser-session cookie. */
export function sessionCookieOptions(
  secure: boolean,
  maxAge: number | null = env.SESSION_ABSOLUTE_SECONDS,
): SessionCookieOptions {
  const options: SessionCookieOptions = { httpOnly: true, sameSite: 'lax', path: '/', secure };
  if (maxAge !== null) options.maxAge = maxAge;
  return options;
}

/** A session's cookie lasts as long as the session can ("Keep me signed in"), or as long as the browser runs. */
export function sessionCookieOptionsFor(secure: boolean, persistent: boolean): SessionCookieOptions {
  return sessionCookieOptions(secure, persistent ? env.SESSION_ABSOLUTE_SECONDS : null);
}

/** A Set-Cookie header value with the session cookie's attributes (HttpOnly, SameSite=Lax, Secure over https). */
export function serializeCookie(name: string, value: string, options: SessionCookieOptions): string {
  const parts = [`${name}=${value}`, `Path=${options.path}`];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  parts.push('HttpOnly', 'SameSite=Lax');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** A Set-Cookie header value that stores the sealed token. */
export async function sessionSetCookie(token: string, secure: boolean, persistent: boolean): Promise<string> {
  return serializeCookie(
    sessionCookieName(secure),
    await sealToken(token),
    sessionCookieOptionsFor(secure, persistent),
  );
}

/** A Set-Cookie header value that removes the session cookie. */
export function clearSessionSetCookie(secure: boolean): string {
  return serializeCookie(sessionCookieName(secure), '', sessionCookieOptions(secure, 0));
}

/** The raw value of one cookie in a Cookie header (no decoding: a sealed token is cookie-safe as it is). */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const index = pair.indexOf('=');
    if (index === -1) continue;
    if (pair.slice(0, index).trim() === name) return pair.slice(index + 1).trim();
  }
  return null;
}

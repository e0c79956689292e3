import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sessionSecrets } from '@/lib/env';
import { signingKey } from '@/lib/tokens/keys';

// When proxy.ts has already made the real session check for a request (only where it must, to answer a real 404), it
// hands the result to the page's gate in a request header instead of letting the gate ask Redis again: one round trip
// per request. The header is signed (HMAC-SHA256 under its own key derived from SESSION_SECRET, never the cookie's),
// bound to the hash of the token in the request's own cookie and to the time it was made, so a copy sent by a client,
// moved to another cookie or kept from an earlier request is worthless: the gate ignores it and checks Redis itself.

/** The request header the proxy hands its check to the page in; the proxy removes any copy a client sends. */
export const SESSION_ATTESTATION_HEADER = 'x-session-attestation';

// The proxy and the page of one request run in the same process within milliseconds; an older attestation only
// costs the round trip it would have saved (a first compile in development), never a stale answer.
const MAX_AGE_MS = 5_000;
const VERSION = 'v1';

// Derived once per secret (HKDF costs some 20 µs, twice a request otherwise).
let cachedKey: { secret: string; key: Uint8Array } | undefined;

// The first secret's key only: signing and verifying happen in one process, so a rotation never splits them.
function attestationKey(): Uint8Array {
  const first = sessionSecrets().slice(0, 1);
  const secret = first.join();
  if (cachedKey?.secret !== secret) cachedKey = { secret, key: signingKey('session-attestation', first) };
  return cachedKey.key;
}

function mac(tokenHash: string, issuedAt: number, payload: string): Buffer {
  return createHmac('sha256', attestationKey())
    .update(`${VERSION}.${tokenHash}.${issuedAt}.${payload}`)
    .digest();
}

/** A signed attestation of `json` for the session whose token hashes to `tokenHash`, issued now. */
export function signAttestation(tokenHash: string, json: string, issuedAt = Date.now()): string {
  const payload = Buffer.from(json).toString('base64url');
  return `${issuedAt}.${payload}.${mac(tokenHash, issuedAt, payload).toString('base64url')}`;
}

/**
 * The JSON an attestation carries, or null unless its signature verifies for this token hash and it was issued within
 * the last few seconds. Anything malformed is null too, never an error.
 */
export function openAttestation(
  header: string | null | undefined,
  tokenHash: string,
  now = Date.now(),
): string | null {
  const [issued, payload, signature, ...rest] = header?.split('.') ?? [];
  if (issued === undefined || payload === undefined || signature === undefined || rest.length > 0)
    return null;
  if (!/^\d{1,15}$/.test(issued)) return null;
  const issuedAt = Number(issued);
  if (issuedAt > now || now - issuedAt > MAX_AGE_MS) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(tokenHash, issuedAt, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(payload, 'base64url').toString();
}

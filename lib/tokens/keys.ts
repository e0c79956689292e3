import 'server-only';
import { createHmac, hkdfSync } from 'node:crypto';
import { sessionSecrets } from '@/lib/env';

// Every signing key is derived from SESSION_SECRET with HKDF, one key per purpose. One secret to generate, rotate and
// guard (production already refuses a missing, short or published one), yet the keys are independent: a token made
// for one purpose cannot be verified as another, and none of them is the key that seals the session cookie.
// Rotation follows SESSION_SECRET's: the first secret's key signs, every secret's key verifies.

const SALT = 'northwind-storefront/keys/v1';

export function derivedKeys(purpose: string, secrets: string[] = sessionSecrets()): Uint8Array[] {
  return secrets.map((secret) => new Uint8Array(hkdfSync('sha256', secret, SALT, `purpose:${purpose}`, 32)));
}

/** The key that signs new tokens of a purpose (the first secret's). */
export function signingKey(purpose: string, secrets?: string[]): Uint8Array {
  const [key] = derivedKeys(purpose, secrets);
  if (!key) throw new Error('SESSION_SECRET is empty: there is no key to sign with.');
  return key;
}

/**
 * A short keyed digest of a password hash, to bind a token to the password it was issued under without putting the
 * hash (readable by anyone holding the token) in it. Keyed, so the claim tells nothing about the hash.
 */
export function passwordFingerprint(passwordHash: string, secrets?: string[]): string {
  return createHmac('sha256', signingKey('password-fingerprint', secrets))
    .update(passwordHash)
    .digest('base64url')
    .slice(0, 22);
}

import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

// The app's cookie seal: AES-256-GCM from node:crypto, one key per secret derived once (HKDF-SHA256), a random
// 96-bit IV per seal. Opening costs one decryption (a few µs), where iron's Fe26.2 derives two keys per seal from
// its salts (PBKDF2) before its HMAC and its AES-CBC. docs/sessions.md says why and what a reviewer should check.
//
//   <key id, 8 characters>.<base64url of: IV (12 bytes) | ciphertext | GCM tag (16 bytes)>
//   the plaintext: JSON [expiry in ms since the epoch, the value]
//
// The key id names the secret (a hash of it, so its place in SESSION_SECRET does not matter when rotating) and is
// checked before any decryption; the tag authenticates the IV, the ciphertext and the key id (as additional data).

const KEY_ID_LENGTH = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// A cookie holds at most 4 KiB; the app's seals are about 100 to 200 characters.
const MAX_SEAL_LENGTH = 4096;
// The shortest possible seal: a key id, the dot, and an IV, one byte of ciphertext and a tag in base64url.
const MIN_SEAL_LENGTH = KEY_ID_LENGTH + 1 + Math.ceil(((IV_BYTES + 1 + TAG_BYTES) * 4) / 3);
const HKDF_SALT = 'storefront cookie seal';
const HKDF_INFO = 'aes-256-gcm v1';

export type CookieKey = { readonly id: string; readonly key: Buffer };

/** Key id → key, for opening: every listed secret. */
export type CookieKeyring = ReadonlyMap<string, Buffer>;

/** The key a secret gives, and its id. A few µs of HKDF: call once per secret, not per request. */
export function cookieKey(secret: string): CookieKey {
  const id = createHash('sha256')
    .update(`${HKDF_SALT}\0${secret}`)
    .digest('base64url')
    .slice(0, KEY_ID_LENGTH);
  return { id, key: Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, HKDF_INFO, 32)) };
}

export function sealCookieValue(
  value: unknown,
  ttlSeconds: number,
  key: CookieKey,
  now = Date.now(),
): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(key.id));
  const plain = JSON.stringify([now + ttlSeconds * 1000, value]);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${key.id}.${Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url')}`;
}

/**
 * The value inside a seal made by sealCookieValue, or undefined for anything malformed, foreign, tampered or
 * expired. Length and key id are checked first, so a made-up cookie costs one failed decryption at most.
 */
export function openCookieValue(sealed: string, keyring: CookieKeyring, now = Date.now()): unknown {
  if (sealed.length < MIN_SEAL_LENGTH || sealed.length > MAX_SEAL_LENGTH) return undefined;
  if (sealed.charCodeAt(KEY_ID_LENGTH) !== 46 /* . */) return undefined;
  const keyId = sealed.slice(0, KEY_ID_LENGTH);
  const key = keyring.get(keyId);
  if (!key) return undefined;
  const body = sealed.slice(KEY_ID_LENGTH + 1);
  const bytes = Buffer.from(body, 'base64url');
  // Node skips characters outside base64url and ignores a last character's spare bits: only the one canonical
  // spelling of the bytes opens, so no altered cookie is ever accepted as the same seal.
  if (bytes.length <= IV_BYTES + TAG_BYTES || bytes.toString('base64url') !== body) return undefined;
  let parsed: unknown;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES), undefined, 'utf8');
    parsed = JSON.parse(plain + decipher.final('utf8'));
  } catch {
    // A failed tag, or (only the holder of the secret gets this far) a seal of ours that holds no JSON.
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'number') return undefined;
  return parsed[0] > now ? parsed[1] : undefined;
}

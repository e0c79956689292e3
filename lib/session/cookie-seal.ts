import {
  createCipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type Cipher,
} from 'node:crypto';

// The app's cookie seal, encrypt-then-MAC from node:crypto: AES-256-CTR, then HMAC-SHA256 (truncated to 128 bits)
// over the key id, the IV and the ciphertext. Two keys per secret, derived once (HKDF-SHA256); a random IV per seal.
// Opening costs one HMAC, then one decryption, and nothing throws on the way: a refused cookie costs no exception
// (tens of µs under a source-mapped stack), where iron's Fe26.2 derives two PBKDF2 keys per seal and an AEAD such as
// AES-GCM reports a bad tag by throwing. docs/sessions.md says why and what a reviewer should check.
//
//   <key id, 8 characters>.<base64url of: IV (16 bytes) | ciphertext | MAC (16 bytes)>
//   the plaintext: JSON [expiry in ms since the epoch, the value]

const KEY_ID_LENGTH = 8;
const IV_BYTES = 16;
const MAC_BYTES = 16;
// A cookie holds at most 4 KiB; the app's seals are about 100 to 200 characters.
const MAX_SEAL_LENGTH = 4096;
// The shortest possible seal: a key id, the dot, and an IV, one byte of ciphertext and a MAC in base64url.
const MIN_SEAL_LENGTH = KEY_ID_LENGTH + 1 + Math.ceil(((IV_BYTES + 1 + MAC_BYTES) * 4) / 3);
const HKDF_SALT = 'storefront cookie seal';

export type CookieKey = {
  readonly id: string;
  readonly encryption: Buffer;
  readonly mac: Buffer;
  /** AES-256-ECB under `encryption`, never finalised: it encrypts counter blocks into CTR's keystream. */
  readonly blocks: Cipher;
};

/** Key id → keys, for opening: every listed secret. */
export type CookieKeyring = ReadonlyMap<string, CookieKey>;

/** The keys a secret gives, and their id. A few µs of HKDF: call once per secret, not per request. */
export function cookieKey(secret: string): CookieKey {
  const id = createHash('sha256')
    .update(`${HKDF_SALT}\0${secret}`)
    .digest('base64url')
    .slice(0, KEY_ID_LENGTH);
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, info, 32));
  const encryption = derive('aes-256-ctr v1');
  const blocks = createCipheriv('aes-256-ecb', encryption, null).setAutoPadding(false);
  return { id, encryption, mac: derive('hmac-sha256 v1'), blocks };
}

export function keyringOf(keys: CookieKey[]): CookieKeyring {
  return new Map(keys.map((key) => [key.id, key]));
}

const BLOCK_BYTES = 16;

/**
 * AES-256-CTR, both ways: the input XOR the keystream, whose block i is AES(IV + i), the IV read as one 128-bit
 * big-endian counter (NIST SP 800-38A, 6.5; OpenSSL's aes-256-ctr counts the same way, which a test checks). The key's
 * one ECB cipher encrypts the counter blocks, so a cookie costs no createDecipheriv (about 5 of the 9 µs an open took).
 */
function ctr(key: CookieKey, iv: Uint8Array, input: Uint8Array): Buffer {
  const blockCount = Math.ceil(input.length / BLOCK_BYTES);
  const counters = Buffer.allocUnsafe(blockCount * BLOCK_BYTES);
  counters.set(iv.subarray(0, BLOCK_BYTES));
  for (let block = 1; block < blockCount; block++) {
    const at = block * BLOCK_BYTES;
    counters.copy(counters, at, at - BLOCK_BYTES, at);
    for (let byte = at + BLOCK_BYTES - 1; byte >= at; byte--) {
      counters[byte] = ((counters[byte] as number) + 1) & 0xff;
      if (counters[byte] !== 0) break;
    }
  }
  const keystream = key.blocks.update(counters);
  const output = Buffer.allocUnsafe(input.length);
  for (let at = 0; at < input.length; at++) output[at] = (input[at] as number) ^ (keystream[at] as number);
  return output;
}

const macOf = (key: CookieKey, ivAndCiphertext: Uint8Array) =>
  createHmac('sha256', key.mac).update(key.id).update(ivAndCiphertext).digest().subarray(0, MAC_BYTES);

export function sealCookieValue(
  value: unknown,
  ttlSeconds: number,
  key: CookieKey,
  now = Date.now(),
): string {
  const iv = randomBytes(IV_BYTES);
  const plain = Buffer.from(JSON.stringify([now + ttlSeconds * 1000, value]), 'utf8');
  const ivAndCiphertext = Buffer.concat([iv, ctr(key, iv, plain)]);
  return `${key.id}.${Buffer.concat([ivAndCiphertext, macOf(key, ivAndCiphertext)]).toString('base64url')}`;
}

/**
 * The value inside a seal made by sealCookieValue, or undefined for anything malformed, foreign, tampered or
 * expired. Length, key id and MAC come first, so a made-up cookie costs one HMAC at most and is never decrypted.
 */
export function openCookieValue(sealed: string, keyring: CookieKeyring, now = Date.now()): unknown {
  if (sealed.length < MIN_SEAL_LENGTH || sealed.length > MAX_SEAL_LENGTH) return undefined;
  if (sealed.charCodeAt(KEY_ID_LENGTH) !== 46 /* . */) return undefined;
  const key = keyring.get(sealed.slice(0, KEY_ID_LENGTH));
  if (!key) return undefined;
  const body = sealed.slice(KEY_ID_LENGTH + 1);
  const bytes = Buffer.from(body, 'base64url');
  // Node skips characters outside base64url and ignores a last character's spare bits: only the one canonical
  // spelling of the bytes opens, so no altered cookie is ever accepted as the same seal.
  if (bytes.length <= IV_BYTES + MAC_BYTES || bytes.toString('base64url') !== body) return undefined;
  const ivAndCiphertext = bytes.subarray(0, bytes.length - MAC_BYTES);
  if (!timingSafeEqual(macOf(key, ivAndCiphertext), bytes.subarray(bytes.length - MAC_BYTES)))
    return undefined;
  const plain = ctr(key, ivAndCiphertext, ivAndCiphertext.subarray(IV_BYTES)).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(plain);
  } catch {
    // Only the holder of the secret gets this far: a seal of ours that holds no JSON.
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'number') return undefined;
  return parsed[0] > now ? parsed[1] : undefined;
}

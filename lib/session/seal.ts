import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';

// Opens iron's Fe26.2 seals (the format iron-session writes) synchronously with node:crypto. iron-session's own
// unseal goes through WebCrypto, about 0.4 ms a seal in async hops; these same steps cost about 12 µs here, less
// than a jose verify, so a cookie the process has never seen is as cheap to open as one it has. Sealing stays with
// iron-session (rare: a sign-in, a new cart, a new device). docs/sessions.md says why.
//
// Fe26.2*<password id>*<encryption salt>*<iv>*<ciphertext>*<expiry ms>*<integrity salt>*<hmac>~2
// Both keys are PBKDF2-SHA1 (1 iteration, 256 bits) of the password and the seal's own salt; the HMAC is SHA-256
// over everything before the integrity salt; the cipher is AES-256-CBC.

const PREFIX = 'Fe26.2';
const VERSION_SUFFIX = '~2';
// A cookie holds at most 4 KiB; the app's seals are about 300 characters.
const MAX_SEAL_LENGTH = 4096;
const SALT = /^[0-9a-f]{64}$/;
const IV = /^[\w-]{22}$/; // 16 bytes, base64url without padding
const MAC = /^[\w-]{43}$/; // 32 bytes, base64url without padding
const MAC_LENGTH = 43;
const EXPIRY = /^\d{1,16}$/;
// iron's allowance for clocks that disagree, kept so both openers agree on every seal.
const CLOCK_SKEW_MS = 60_000;

/** Password id → secret, as iron-session takes them. */
export type SealPasswords = Readonly<Record<string, string>>;

function deriveKey(secret: string, salt: string): Buffer {
  return pbkdf2Sync(secret, salt, 1, 32, 'sha1');
}

/**
 * The JSON value inside a Fe26.2 seal, or null for anything malformed, foreign, expired or tampered. The checks that
 * cost nothing (length, shape, prefix, password id, expiry) come before any key derivation, and the MAC before the
 * decryption, so a made-up cookie costs one derivation and one HMAC at most.
 */
export function openSeal(sealed: string, passwords: SealPasswords, now = Date.now()): unknown {
  if (sealed.length > MAX_SEAL_LENGTH || !sealed.endsWith(VERSION_SUFFIX)) return null;
  const parts = sealed.slice(0, -VERSION_SUFFIX.length).split('*');
  if (parts.length !== 8) return null;
  const [prefix, passwordId, encryptionSalt, iv, ciphertext, expiry, integritySalt, mac] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (prefix !== PREFIX || !Object.hasOwn(passwords, passwordId)) return null;
  if (!SALT.test(encryptionSalt) || !SALT.test(integritySalt)) return null;
  if (!IV.test(iv) || !MAC.test(mac) || ciphertext.length === 0) return null;
  if (!EXPIRY.test(expiry) || Number(expiry) <= now - CLOCK_SKEW_MS) return null;
  const secret = passwords[passwordId] as string;

  const signed = sealed.slice(
    0,
    sealed.length - VERSION_SUFFIX.length - integritySalt.length - MAC_LENGTH - 2,
  );
  const expected = createHmac('sha256', deriveKey(secret, integritySalt)).update(signed).digest('base64url');
  // Compared as text, both 43 characters of base64url: in constant time, so the MAC can't be guessed byte by byte.
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(mac))) return null;

  try {
    const decipher = createDecipheriv(
      'aes-256-cbc',
      deriveKey(secret, encryptionSalt),
      Buffer.from(iv, 'base64url'),
    );
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    return JSON.parse(plain.toString('utf8'));
  } catch {
    // Only the holder of the secret can get here (the MAC passed): a seal of ours that holds no JSON.
    return null;
  }
}

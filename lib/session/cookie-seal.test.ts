import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cookieKey, keyringOf, openCookieValue, sealCookieValue, type CookieKey } from './cookie-seal';

const KEY = cookieKey('cookie-seal-test-secret-cookie-seal-0001');
const OTHER = cookieKey('cookie-seal-test-other-secret-other-0002');
const ring = (...keys: CookieKey[]) => keyringOf(keys);
const RING = ring(KEY);

/** A seal written step by step from the format, so a test can choose what sealCookieValue never would. */
function sealByHand(plaintext: string, key: CookieKey = KEY, macId = key.id, iv = randomBytes(16)): string {
  const cipher = createCipheriv('aes-256-ctr', key.encryption, iv);
  const ivAndCiphertext = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]);
  const mac = createHmac('sha256', key.mac).update(macId).update(ivAndCiphertext).digest().subarray(0, 16);
  return `${key.id}.${Buffer.concat([ivAndCiphertext, mac]).toString('base64url')}`;
}

describe('the cookie seal', () => {
  it('opens every JSON value it sealed to the same value, and the seal shows none of it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ minLength: 8, maxLength: 40 }), (value, marker) => {
        const sealed = sealCookieValue({ value, marker }, 60, KEY);
        expect(sealed).not.toContain(marker);
        expect(openCookieValue(sealed, RING)).toEqual(JSON.parse(JSON.stringify({ value, marker })));
      }),
    );
  });

  it('gives a secret the same key and id every time, and two secrets different ones', () => {
    const again = cookieKey('cookie-seal-test-secret-cookie-seal-0001');
    expect(again.id).toBe(KEY.id);
    expect(again.encryption.equals(KEY.encryption) && again.mac.equals(KEY.mac)).toBe(true);
    expect(OTHER.id).not.toBe(KEY.id);
    expect(OTHER.encryption.equals(KEY.encryption) || OTHER.mac.equals(KEY.mac)).toBe(false);
    expect(KEY.encryption.equals(KEY.mac)).toBe(false);
    expect(KEY.id).toMatch(/^[\w-]{8}$/);
  });

  it('seals the same value differently each time (a fresh IV)', () => {
    expect(sealCookieValue('same', 60, KEY)).not.toBe(sealCookieValue('same', 60, KEY));
  });

  it('refuses every one-character change and every truncation', () => {
    const sealed = sealCookieValue('a-session-token', 60, KEY);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.*~';
    for (let at = 0; at < sealed.length; at++) {
      for (const replacement of [
        alphabet[(alphabet.indexOf(sealed[at] as string) + 1) % alphabet.length],
        '!',
      ]) {
        const changed = sealed.slice(0, at) + replacement + sealed.slice(at + 1);
        expect(openCookieValue(changed, RING), `character ${at} → ${replacement}`).toBeUndefined();
      }
      expect(openCookieValue(sealed.slice(0, at), RING)).toBeUndefined();
    }
    expect(openCookieValue(`${sealed}A`, RING)).toBeUndefined();
    expect(openCookieValue(sealed, RING)).toBe('a-session-token');
  });

  it('refuses the other spellings of the same bytes (the last character’s spare bits)', () => {
    // Find a seal whose base64url leaves spare bits in its last character, then set them.
    const body = (sealed: string) => sealed.slice(9);
    const sealed = [1, 2, 3]
      .map((length) => sealCookieValue('x'.repeat(length), 60, KEY))
      .find((candidate) => body(candidate).length % 4 !== 0) as string;
    const last = sealed.at(-1) as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1] as string;
    const respelled = sealed.slice(0, -1) + sibling;
    expect(
      Buffer.from(respelled.slice(9), 'base64url').equals(Buffer.from(sealed.slice(9), 'base64url')),
    ).toBe(true);
    expect(openCookieValue(respelled, RING)).toBeUndefined();
  });

  it('opens a seal written by hand from the format (the format is what the comment says)', () => {
    expect(openCookieValue(sealByHand(JSON.stringify([Date.now() + 60_000, { t: 'x' }])), RING)).toEqual({
      t: 'x',
    });
  });

  it('refuses a seal of a secret it does not hold, and one whose key id was swapped', () => {
    const foreign = sealCookieValue('token', 60, OTHER);
    expect(openCookieValue(foreign, RING)).toBeUndefined();
    // The same bytes under a listed key's id: the MAC covers the id, so it fails.
    expect(openCookieValue(`${KEY.id}${foreign.slice(8)}`, ring(KEY, OTHER))).toBeUndefined();
    expect(
      openCookieValue(sealByHand(JSON.stringify([Date.now() + 60_000, 'token']), KEY, OTHER.id), RING),
    ).toBe(undefined);
  });

  it('opens with any listed secret by its id (rotation)', () => {
    const sealed = sealCookieValue('rotated', 60, OTHER);
    expect(openCookieValue(sealed, ring(KEY, OTHER))).toBe('rotated');
    expect(openCookieValue(sealed, ring(OTHER))).toBe('rotated');
    expect(openCookieValue(sealed, ring(KEY))).toBeUndefined();
  });

  it('refuses a seal past its expiry, to the millisecond', () => {
    const now = 1_800_000_000_000;
    const sealed = sealCookieValue('dated', 60, KEY, now);
    expect(openCookieValue(sealed, RING, now + 59_999)).toBe('dated');
    expect(openCookieValue(sealed, RING, now + 60_000)).toBeUndefined();
  });

  it('refuses a genuine seal that does not hold [expiry, value]', () => {
    for (const plaintext of [
      'not json',
      '"a string"',
      '[1]',
      '["soon", "x"]',
      '{"0": 9e15, "1": "x"}',
      '[9e15,"x",3]',
    ]) {
      expect(openCookieValue(sealByHand(plaintext), RING)).toBeUndefined();
    }
  });

  it('refuses shapes that are not a seal without looking further', () => {
    for (const value of [
      '',
      'garbage',
      '.'.repeat(60),
      `${KEY.id}.`,
      `${KEY.id}.${'A'.repeat(20)}`,
      'a'.repeat(5000),
    ]) {
      expect(openCookieValue(value, RING)).toBeUndefined();
    }
    expect(openCookieValue(`${KEY.id}x${sealCookieValue('t', 60, KEY).slice(9)}`, RING)).toBeUndefined();
  });

  it("counts CTR's blocks as OpenSSL does, both ways, across a carry through every byte of the counter", () => {
    const ivs = [
      Buffer.alloc(16, 0xff),
      Buffer.from('000000000000000000000000000000fe', 'hex'),
      Buffer.from('00000000000000ffffffffffffffffff', 'hex'),
      Buffer.alloc(16),
      randomBytes(16),
    ];
    for (const iv of ivs) {
      for (const length of [1, 15, 16, 17, 33, 600]) {
        const value = 'v'.repeat(length);
        const byOpenSsl = sealByHand(JSON.stringify([Date.now() + 60_000, value]), KEY, KEY.id, iv);
        expect(openCookieValue(byOpenSsl, RING), `IV ${iv.toString('hex')}, ${length}`).toBe(value);
      }
    }
    const sealed = Buffer.from(sealCookieValue('x'.repeat(600), 60, KEY).slice(9), 'base64url');
    const decipher = createDecipheriv('aes-256-ctr', KEY.encryption, sealed.subarray(0, 16));
    const plain =
      decipher.update(sealed.subarray(16, sealed.length - 16), undefined, 'utf8') + decipher.final('utf8');
    expect(JSON.parse(plain)[1]).toBe('x'.repeat(600));
  });
});

import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { sealData, unsealData } from 'iron-session';
import { describe, expect, it } from 'vitest';
import { openSeal } from './seal';

// iron-session is the reference: what it seals, openSeal opens to the same value; what openSeal's rules are built
// from (a seal made here with node:crypto, byte for byte in iron's format), iron-session opens the same way.

const SECRET = 'seal-test-secret-seal-test-secret-0001';
const OTHER = 'seal-test-other-secret-other-secret-0002';
const PASSWORDS = { '7': SECRET };

/** A Fe26.2 seal written step by step from iron's format, so a test can choose what iron-session never would. */
function sealByHand(
  plaintext: string,
  {
    id = '7',
    secret = SECRET,
    expiry = Date.now() + 60_000,
  }: { id?: string; secret?: string; expiry?: number },
): string {
  const encryptionSalt = randomBytes(32).toString('hex');
  const integritySalt = randomBytes(32).toString('hex');
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', pbkdf2Sync(secret, encryptionSalt, 1, 32, 'sha1'), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64url');
  const signed = `Fe26.2*${id}*${encryptionSalt}*${iv.toString('base64url')}*${ciphertext}*${expiry}`;
  const mac = createHmac('sha256', pbkdf2Sync(secret, integritySalt, 1, 32, 'sha1'))
    .update(signed)
    .digest('base64url');
  return `${signed}*${integritySalt}*${mac}~2`;
}

/** What iron-session makes of a seal: its value, or null where it refuses (it throws or answers {}). */
async function ironOpens(sealed: string, password: Record<string, string> = PASSWORDS): Promise<unknown> {
  try {
    const data = await unsealData<Record<string, unknown>>(sealed, { password });
    return Object.keys(data).length ? data : null;
  } catch {
    return null;
  }
}

describe('openSeal against iron-session', () => {
  it('opens every seal iron-session makes to the same value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ minLength: 1 }), fc.jsonValue(), { minKeys: 1 }),
        async (value) => {
          const sealed = await sealData(value, { password: PASSWORDS, ttl: 3600 });
          expect(openSeal(sealed, PASSWORDS)).toEqual(await ironOpens(sealed));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('iron-session opens a seal written from the format here, to the same value', async () => {
    const sealed = sealByHand(JSON.stringify({ t: 'token-written-by-hand' }), {});
    expect(await ironOpens(sealed)).toEqual({ t: 'token-written-by-hand' });
    expect(openSeal(sealed, PASSWORDS)).toEqual({ t: 'token-written-by-hand' });
  });

  it('refuses every one-character change and every truncation, as iron-session does', async () => {
    const sealed = await sealData({ t: 'tamper-me' }, { password: PASSWORDS, ttl: 3600 });
    for (let index = 0; index < sealed.length; index += 1) {
      const replacement = sealed[index] === 'A' ? 'B' : 'A';
      const flipped = sealed.slice(0, index) + replacement + sealed.slice(index + 1);
      if (flipped === sealed) continue;
      expect(openSeal(flipped, PASSWORDS), `changed at ${index}`).toBeNull();
      expect(openSeal(sealed.slice(0, index), PASSWORDS), `cut at ${index}`).toBeNull();
    }
    // A sample of the same seals through iron-session: it refuses them too (all of them would take seconds).
    for (const index of [0, 7, 80, 200, sealed.length - 3]) {
      const flipped = sealed.slice(0, index) + (sealed[index] === 'A' ? 'B' : 'A') + sealed.slice(index + 1);
      expect(await ironOpens(flipped)).toBeNull();
    }
  });

  it('refuses a MAC that only differs outside the base64url alphabet', async () => {
    const sealed = await sealData({ t: 'x' }, { password: PASSWORDS, ttl: 3600 });
    const withStray = `${sealed.slice(0, -4)}!${sealed.slice(-3)}`;
    expect(openSeal(withStray, PASSWORDS)).toBeNull();
  });

  it('refuses a seal of another secret, or with a password id it does not know', async () => {
    const foreign = await sealData({ t: 'x' }, { password: { '7': OTHER }, ttl: 3600 });
    expect(openSeal(foreign, PASSWORDS)).toBeNull();
    expect(await ironOpens(foreign)).toBeNull();
    const unknownId = await sealData({ t: 'x' }, { password: { '8': SECRET }, ttl: 3600 });
    expect(openSeal(unknownId, PASSWORDS)).toBeNull();
    expect(await ironOpens(unknownId)).toBeNull();
  });

  it('opens with any listed secret by its id (rotation)', async () => {
    const sealedWithOld = await sealData({ t: 'old' }, { password: { '3': OTHER }, ttl: 3600 });
    expect(openSeal(sealedWithOld, { '7': SECRET, '3': OTHER })).toEqual({ t: 'old' });
  });

  it('refuses an expired seal with a valid MAC, with iron’s 60 s allowance for clocks', async () => {
    const expiry = Date.now();
    const sealed = sealByHand(JSON.stringify({ t: 'expiring' }), { expiry });
    expect(openSeal(sealed, PASSWORDS, expiry + 59_000)).toEqual({ t: 'expiring' });
    expect(openSeal(sealed, PASSWORDS, expiry + 60_000)).toBeNull();
    const longExpired = sealByHand(JSON.stringify({ t: 'expired' }), { expiry: Date.now() - 120_000 });
    expect(openSeal(longExpired, PASSWORDS)).toBeNull();
    expect(await ironOpens(longExpired)).toBeNull();
  });

  it('refuses a genuine seal whose content is not JSON', () => {
    expect(openSeal(sealByHand('not json {', {}), PASSWORDS)).toBeNull();
  });

  it('refuses shapes that are not a seal without looking further', () => {
    for (const value of [
      '',
      'garbage',
      'Fe26.2**',
      'Fe26.2*7*a*b*c*d*e*f~2',
      'Fe26.1*7*' + 'a'.repeat(300) + '~2',
      'x'.repeat(5000) + '~2',
    ]) {
      expect(openSeal(value, PASSWORDS)).toBeNull();
    }
  });
});

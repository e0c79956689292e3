import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/http/errors';
import { signingKey } from './keys';
import {
  issueToken,
  matchesPassword,
  passwordFingerprint,
  TOKEN_LIFETIME_SECONDS,
  verifyToken,
  type TokenClaims,
  type TokenPurpose,
} from './index';

const SECRETS = ['tokens-test-secret-0123456789-abcdefghij'];
const OTHER_SECRETS = ['another-secret-nobody-here-knows-0123456'];

const CLAIMS: { [P in TokenPurpose]: TokenClaims<P> } = {
  'password-reset': { sub: 'user-1', pwd: passwordFingerprint('$argon2id$hash-1', SECRETS) },
  'verify-email': { sub: 'user-1', email: 'ada@test.example' },
};

const PURPOSES = Object.keys(CLAIMS) as TokenPurpose[];

async function expectRefused(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('invalid_token');
  expect((error as AppError).status).toBe(400);
}

function segments(token: string) {
  const [header, payload, signature] = token.split('.');
  return { header: header ?? '', payload: payload ?? '', signature: signature ?? '' };
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

describe.each(PURPOSES)('%s tokens', (purpose) => {
  const options = { secrets: SECRETS };
  const claims = CLAIMS[purpose];

  it('verify with their claims, expiring after the purpose lifetime', async () => {
    const now = Date.now();
    const token = await issueToken(purpose, claims, { ...options, now });
    const verified = await verifyToken(purpose, token, options);
    expect(verified).toMatchObject(claims);
    expect(verified.exp - verified.iat).toBe(TOKEN_LIFETIME_SECONDS[purpose]);
    expect(segments(token).header).toBe(encode({ alg: 'HS256', typ: 'JWT' }));
  });

  it('refuse a token signed with another key (forged)', async () => {
    const forged = await issueToken(purpose, claims, { secrets: OTHER_SECRETS });
    await expectRefused(verifyToken(purpose, forged, options));
  });

  it('refuse an expired token', async () => {
    const lifetime = TOKEN_LIFETIME_SECONDS[purpose] * 1000;
    const issuedAt = Date.now() - lifetime - 60_000;
    const token = await issueToken(purpose, claims, { ...options, now: issuedAt });
    await expectRefused(verifyToken(purpose, token, options));
    // The same token was good while it lasted.
    await expect(
      verifyToken(purpose, token, { ...options, now: issuedAt + lifetime / 2 }),
    ).resolves.toMatchObject(claims);
  });

  it('refuse a token made for another purpose', async () => {
    for (const other of PURPOSES.filter((candidate) => candidate !== purpose)) {
      const token = await issueToken(other, CLAIMS[other], options);
      await expectRefused(verifyToken(purpose, token, options));
    }
  });

  it('refuse a token whose payload was changed (tampered)', async () => {
    const { header, payload, signature } = segments(await issueToken(purpose, claims, options));
    const changed = encode({ ...decode(payload), sub: 'admin-user' });
    await expectRefused(verifyToken(purpose, `${header}.${changed}.${signature}`, options));
  });

  it('refuse an unsigned token (alg "none")', async () => {
    const { payload } = segments(await issueToken(purpose, claims, options));
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    await expectRefused(verifyToken(purpose, unsigned, options));
    const fromJose = new UnsecuredJWT(decode(payload)).encode();
    await expectRefused(verifyToken(purpose, fromJose, options));
  });

  it('refuse the right key under another algorithm (HS512)', async () => {
    const { payload } = segments(await issueToken(purpose, claims, options));
    const token = await new SignJWT(decode(payload))
      .setProtectedHeader({ alg: 'HS512' })
      .sign(signingKey(`token:${purpose}`, SECRETS));
    await expectRefused(verifyToken(purpose, token, options));
  });

  it('refuse garbage', async () => {
    for (const garbage of ['', 'a.b.c', 'not-a-token']) {
      await expectRefused(verifyToken(purpose, garbage, options));
    }
  });

  it('verify a token signed before the secret rotated', async () => {
    const token = await issueToken(purpose, claims, { secrets: OTHER_SECRETS });
    await expect(
      verifyToken(purpose, token, { secrets: [...SECRETS, ...OTHER_SECRETS] }),
    ).resolves.toMatchObject(claims);
  });
});

describe('password fingerprint', () => {
  it('matches the hash it was made from and no other', () => {
    const fingerprint = passwordFingerprint('$argon2id$hash-1', SECRETS);
    expect(fingerprint).not.toContain('hash-1');
    expect(matchesPassword(fingerprint, '$argon2id$hash-1', SECRETS)).toBe(true);
    expect(matchesPassword(fingerprint, '$argon2id$hash-2', SECRETS)).toBe(false);
    expect(matchesPassword('short', '$argon2id$hash-1', SECRETS)).toBe(false);
  });
});

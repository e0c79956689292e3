import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSessionUser } from '@/test/session-user';
import { openAttestation, SESSION_ATTESTATION_HEADER, signAttestation } from './attestation';
import {
  attestedRequestHeaders,
  checkSessionToken,
  getSessionStore,
  readSessionStateFromCookies,
  sealToken,
  sessionCookieName,
  type SessionState,
} from './index';
import { hashToken } from './keys';

const TOKEN_HASH = hashToken('a-token');
const JSON_STATE = '{"current":null,"banned":null}';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a session attestation', () => {
  it('opens to the JSON it signed, for the same token hash, within a few seconds', () => {
    const now = Date.now();
    const attestation = signAttestation(TOKEN_HASH, JSON_STATE, now);
    expect(openAttestation(attestation, TOKEN_HASH, now)).toBe(JSON_STATE);
    expect(openAttestation(attestation, TOKEN_HASH, now + 5_000)).toBe(JSON_STATE);
  });

  it('is ignored when tampered, for another cookie, stale, from the future or garbage', () => {
    const now = Date.now();
    const attestation = signAttestation(TOKEN_HASH, JSON_STATE, now);
    const [issued, payload, signature] = attestation.split('.') as [string, string, string];
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    const admin = Buffer.from('{"current":{"user":{"role":"admin"}},"banned":null}').toString('base64url');
    for (const forged of [
      `${issued}.${payload}.${flipped}`,
      `${issued}.${admin}.${signature}`,
      `${Number(issued) - 1}.${payload}.${signature}`,
      `${issued}.${payload}.${signature.slice(0, -2)}`,
      `${attestation}.x`,
      '',
      'garbage',
      '..',
      `-1.${payload}.${signature}`,
    ]) {
      expect(openAttestation(forged, TOKEN_HASH, now), forged).toBeNull();
    }
    expect(openAttestation(null, TOKEN_HASH, now)).toBeNull();
    expect(openAttestation(attestation, hashToken('another-token'), now)).toBeNull();
    expect(openAttestation(attestation, TOKEN_HASH, now + 5_001)).toBeNull();
    expect(openAttestation(attestation, TOKEN_HASH, now - 1)).toBeNull();
  });
});

/** A live session in Redis (the user record cached beside it, so a check reads no database) and its cookie. */
async function signedIn(role: 'shopper' | 'admin') {
  const { token } = await getSessionStore().createSession(makeSessionUser({ role }), {
    ip: null,
    userAgent: null,
  });
  const sealed = await sealToken(token);
  const cookies = {
    get: (name: string) => (name === sessionCookieName(false) ? { value: sealed } : undefined),
  };
  // The first check loads the Lua script; the ones counted below run it by its hash, one command each.
  return { token, cookies, state: await checkSessionToken(token) };
}

function pageRequest(headers: Record<string, string> = {}) {
  return new Request('http://shop.test/admin/users/someone', { headers });
}

/** Redis commands sent by the app's client (ioredis, the TCP transport the tests use) from now on. */
function countRedisCommands(): () => number {
  const sent = vi.spyOn(Redis.prototype, 'sendCommand');
  return () => sent.mock.calls.length;
}

describe('the pages’ session reader with an attestation', () => {
  it('takes the state the proxy attested without asking Redis; without one it asks once', async () => {
    const { token, cookies, state } = await signedIn('admin');
    expect(state.current?.user.role).toBe('admin');
    const attested = attestedRequestHeaders(pageRequest(), token, state) as Headers;
    const commands = countRedisCommands();
    expect(await readSessionStateFromCookies(cookies, attested)).toEqual(state);
    expect(commands()).toBe(0);
    expect(await readSessionStateFromCookies(cookies, new Headers())).toEqual(
      expect.objectContaining({ current: expect.objectContaining({ token }) }),
    );
    expect(commands()).toBe(1);
  });

  it('gives an attested ban exactly as a check would, with the token of the request’s own cookie', async () => {
    const { token, cookies } = await signedIn('shopper');
    const banned: SessionState = {
      current: null,
      banned: { token, userId: 'someone', reason: 'Repeated chargebacks', until: null },
    };
    const attested = attestedRequestHeaders(pageRequest(), token, banned) as Headers;
    expect(await readSessionStateFromCookies(cookies, attested)).toEqual(banned);
  });

  it('ignores an attestation made for another cookie and asks Redis', async () => {
    const admin = await signedIn('admin');
    const shopper = await signedIn('shopper');
    const moved = attestedRequestHeaders(pageRequest(), admin.token, admin.state) as Headers;
    const commands = countRedisCommands();
    const state = await readSessionStateFromCookies(shopper.cookies, moved);
    expect(state.current).toMatchObject({ token: shopper.token, user: { role: 'shopper' } });
    expect(commands()).toBe(1);
  });

  it('the proxy’s headers drop a copy the client sent, and replace it with its own when it checked', async () => {
    const { token, state } = await signedIn('shopper');
    const forged = pageRequest({ [SESSION_ATTESTATION_HEADER]: 'forged', accept: 'text/html' });
    const passed = attestedRequestHeaders(forged, token, null) as Headers;
    expect(passed.has(SESSION_ATTESTATION_HEADER)).toBe(false);
    expect(passed.get('accept')).toBe('text/html');
    const checked = attestedRequestHeaders(forged, token, state) as Headers;
    expect(checked.get(SESSION_ATTESTATION_HEADER)).not.toBe('forged');
    expect(attestedRequestHeaders(pageRequest(), token, null)).toBeNull();
  });
});

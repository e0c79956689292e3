import { describe, expect, it, vi } from 'vitest';
import { openDeviceCookie, sealDeviceCookie } from '@/lib/auth/device-cookie';
import { openGuestCartCookie, sealGuestId } from '@/lib/cart/cookie';
import { env, sessionSecrets } from '@/lib/env';
import {
  clearSessionSetCookie,
  readCookie,
  sealToken,
  sessionCookieName,
  sessionSetCookie,
  unsealToken,
} from './cookie';

const OLD = 'old-secret-old-secret-old-secret-0001';
const NEW = 'new-secret-new-secret-new-secret-0002';
const OTHER_SECRET = 'other-secret-other-secret-other-0003';

/** A cookie value as the app sealed it with iron-session, before cookie-seal.ts: password id from the secret. */
async function ironSeal(data: Record<string, unknown>, secret = sessionSecrets()[0] as string) {
  const { sealData } = await import('iron-session');
  const { createHash } = await import('node:crypto');
  const id = String(parseInt(createHash('sha256').update(secret).digest('hex').slice(0, 12), 16));
  return sealData(data, { password: { [id]: secret } });
}

describe('sealed session cookie', () => {
  it('opens to the token it sealed, and the seal does not contain the token', async () => {
    const sealed = await sealToken('opaque-token-123', [NEW]);
    expect(sealed).not.toContain('opaque-token-123');
    expect(unsealToken(sealed, [NEW])).toBe('opaque-token-123');
  });

  it('still opens a cookie sealed with the old secret once a new one is prepended', async () => {
    const sealedBefore = await sealToken('token-before-rotation', [OLD]);
    expect(unsealToken(sealedBefore, [NEW, OLD])).toBe('token-before-rotation');
  });

  it('seals new cookies with the first secret only', async () => {
    const sealed = await sealToken('token-after-rotation', [NEW, OLD]);
    expect(unsealToken(sealed, [NEW])).toBe('token-after-rotation');
    expect(unsealToken(sealed, [OLD])).toBeNull();
  });

  it('keeps opening cookies of a secret when the oldest secret is dropped', async () => {
    const sealed = await sealToken('middle-generation', [NEW, OLD]);
    const newest = 'newest-secret-newest-secret-0003';
    expect(unsealToken(sealed, [newest, NEW])).toBe('middle-generation');
  });

  it('reads tampered, truncated, foreign and garbage cookies as signed out', async () => {
    const sealed = await sealToken('token', [NEW]);
    const middle = Math.floor(sealed.length / 2);
    const flipped = sealed.slice(0, middle) + (sealed[middle] === 'A' ? 'B' : 'A') + sealed.slice(middle + 1);
    for (const value of [
      flipped,
      sealed.slice(0, -10),
      sealed.slice(0, 20),
      '',
      'garbage',
      'Fe26.2**',
      'Fe26.2*1*a*b*c*d*e*f~2',
      '%%%',
      'a'.repeat(5000),
    ]) {
      expect(unsealToken(value, [NEW])).toBeNull();
    }
    expect(unsealToken(sealed, [OLD])).toBeNull();
  });

  it('opens a cookie with exactly the secrets listed, each time', async () => {
    const sealed = await sealToken('listed-token', [NEW]);
    expect(unsealToken(sealed, [NEW])).toBe('listed-token');
    expect(unsealToken(sealed, [OLD])).toBeNull();
    expect(unsealToken(sealed, [NEW, OLD])).toBe('listed-token');
    expect(unsealToken(sealed, [OLD])).toBeNull();
  });

  it('refuses a seal whose payload is not a token', async () => {
    expect(unsealToken(await ironSeal({ t: 42 }, NEW), [NEW])).toBeNull();
    expect(unsealToken(await ironSeal({ token: 'x' }, NEW), [NEW])).toBeNull();
  });
});

describe('cookie attributes', () => {
  it('uses a plain name without Secure over http', async () => {
    const header = await sessionSetCookie('token', false, true);
    expect(header).toMatch(/^sid=[\w-]{8}\.[\w-]+; /);
    expect(header).toContain('; Path=/');
    expect(header).toContain('; HttpOnly');
    expect(header).toContain('; SameSite=Lax');
    expect(header).toContain(`; Max-Age=${env.SESSION_ABSOLUTE_SECONDS}`);
    expect(header).not.toContain('Secure');
  });

  it('uses the __Host- prefix and Secure over https', async () => {
    const header = await sessionSetCookie('token', true, true);
    expect(header).toMatch(/^__Host-sid=/);
    expect(header).toContain('; Secure');
    expect(header).toContain('; Path=/');
    expect(header).not.toContain('Domain');
  });

  it('makes a browser-session cookie (no Max-Age) for a sign-in without "Keep me signed in"', async () => {
    const header = await sessionSetCookie('token', false, false);
    expect(header).toMatch(/^sid=[\w-]{8}\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(header).not.toMatch(/Max-Age|Expires/i);
  });

  it('clears with an empty value and Max-Age=0 under the same name', () => {
    expect(clearSessionSetCookie(false)).toBe('sid=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax');
    expect(clearSessionSetCookie(true)).toBe(
      '__Host-sid=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure',
    );
  });

  it('names the cookie __Host-sid over https and sid over plain http', () => {
    expect(sessionCookieName(true)).toBe('__Host-sid');
    expect(sessionCookieName(false)).toBe('sid');
  });

  it('reads one cookie out of a Cookie header without confusing similar names', () => {
    const header = 'xsid=1; sid=Fe26.2*abc*~2; other=3';
    expect(readCookie(header, 'sid')).toBe('Fe26.2*abc*~2');
    expect(readCookie(header, '__Host-sid')).toBeNull();
    expect(readCookie(null, 'sid')).toBeNull();
  });
});

// Every cookie the app seals opens through the same path: each must refuse the same bad seals and survive rotation.
describe.each([
  {
    cookie: 'session',
    seal: () => sealToken('a-session-token'),
    sealedByIron: () => ironSeal({ t: 'a-session-token' }),
    open: (sealed: string) => unsealToken(sealed),
  },
  {
    cookie: 'guest cart',
    seal: () => sealGuestId('A'.repeat(32)),
    sealedByIron: () => ironSeal({ t: 'A'.repeat(32) }),
    open: (sealed: string) => openGuestCartCookie(sealed),
  },
  {
    cookie: 'device',
    seal: () => sealDeviceCookie('device-owner@example.test'),
    sealedByIron: () => ironSeal({ account: 'device-owner@example.test', nonce: 'n'.repeat(22) }),
    open: (sealed: string) => openDeviceCookie(sealed),
  },
])('the $cookie cookie', ({ seal, sealedByIron, open }) => {
  const withSecrets = async <T>(secrets: string, run: () => Promise<T> | T): Promise<T> => {
    const before = env.SESSION_SECRET;
    env.SESSION_SECRET = secrets;
    try {
      return await run();
    } finally {
      env.SESSION_SECRET = before;
    }
  };

  it('opens what it sealed', async () => {
    expect(open(await seal())).not.toBeNull();
  });

  it('still opens a seal iron-session wrote before the app sealed its own, and refuses it tampered', async () => {
    const sealed = await sealedByIron();
    expect(sealed.startsWith('Fe26.2*')).toBe(true);
    expect(open(sealed)).not.toBeNull();
    expect(
      open(
        sealed.replace(
          /\*([\w-])([\w-]*)~2$/,
          (_, first: string, rest: string) => `*${first === 'A' ? 'B' : 'A'}${rest}~2`,
        ),
      ),
    ).toBeNull();
  });

  it('refuses tampered and truncated seals', async () => {
    const sealed = await seal();
    const middle = Math.floor(sealed.length / 2);
    expect(
      open(sealed.slice(0, middle) + (sealed[middle] === 'A' ? 'B' : 'A') + sealed.slice(middle + 1)),
    ).toBeNull();
    expect(open(`${sealed.slice(0, -4)}AAAA`)).toBeNull();
    expect(open(sealed.slice(0, -1))).toBeNull();
    expect(open(sealed.slice(0, 40))).toBeNull();
  });

  it('refuses a seal past its expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() - 2 * 366 * 24 * 3600 * 1000);
      const sealed = await seal();
      vi.useRealTimers();
      expect(open(sealed)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a seal of a foreign secret', async () => {
    const foreign = await withSecrets(OTHER_SECRET, seal);
    expect(open(foreign)).toBeNull();
  });

  it('keeps opening across a rotation, and stops once its secret is dropped', async () => {
    const sealed = await withSecrets(OLD, seal);
    expect(await withSecrets(`${NEW},${OLD}`, () => open(sealed))).not.toBeNull();
    expect(await withSecrets(NEW, () => open(sealed))).toBeNull();
  });
});

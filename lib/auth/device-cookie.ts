import 'server-only';
import { randomBytes } from 'node:crypto';
import { openValue, sealValue } from '@/lib/session';
import { accountKey } from './login-limits';

// OWASP's device cookie: a browser that has signed in to an account gets a sealed cookie naming that account. Its
// failed sign-ins then count against a budget of its own, while unknown browsers share the account's budget. An
// attacker who exhausts that shared budget locks out only other unknown browsers, never the owner's.

export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

/** The account (as its limiter key) this browser has signed in to, and the cookie's own random id. */
export type TrustedDevice = { account: string; nonce: string };

export function deviceCookieName(secure: boolean): string {
  return secure ? '__Host-did' : 'did';
}

export async function sealDeviceCookie(email: string): Promise<string> {
  const device: TrustedDevice = { account: accountKey(email), nonce: randomBytes(16).toString('base64url') };
  return sealValue(device, DEVICE_COOKIE_MAX_AGE_SECONDS);
}

/** The device a cookie vouches for, or null for a missing, tampered, expired or foreign one. */
export function openDeviceCookie(sealed: string | null | undefined): TrustedDevice | null {
  const data = sealed ? openValue(sealed) : null;
  if (!data || typeof data.account !== 'string' || typeof data.nonce !== 'string') return null;
  return { account: data.account, nonce: data.nonce };
}

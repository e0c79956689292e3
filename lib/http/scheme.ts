import { env } from '@/lib/env';

/**
 * Whether the browser reached us over https. Next builds request.url from X-Forwarded-Proto, which any client can
 * send, so neither is believed on its own: the configured SITE_URL decides, and the forwarded header only when
 * TRUST_PROXY says a proxy we run sets it. This decides the session cookie's name and Secure flag, and which
 * Origin counts as our own.
 */
export function requestIsHttps(
  headers: Headers,
  trustProxy = env.TRUST_PROXY,
  siteUrl = env.SITE_URL,
): boolean {
  if (trustProxy) {
    const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    if (forwarded) return forwarded === 'https';
  }
  return new URL(siteUrl).protocol === 'https:';
}

'use server';

import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { signInContext } from '@/lib/auth/http';
import { setSessionCookie } from '@/lib/session';
import { actionFailure } from '@/lib/http/action-state';
import { decodeLabJwt, LAB_COOKIE_SECURE, LAB_COOKIES, LAB_JWT_MAX_AGE_SECONDS } from './jwt';
import { banLabUser, setLabUserTier, unbanLabUser } from './lab-user-changes';
import { startLabUser } from './lab-users';

// The lab page's buttons. "Try it" needs no account: it makes a throwaway one. The changes act on the lab user the
// browser's lab JWT names, and only if it is a lab user; the JWT is the one credential that survives a ban, which
// is exactly what the page is showing.

type LabActionState = { message?: string };

/** Makes a lab user and signs this browser in as it, all three ways. */
export async function tryLabAction(): Promise<LabActionState> {
  const cookieStore = await cookies();
  const context = signInContext({ cookies: cookieStore, headers: await headers() });
  let signIn;
  try {
    signIn = await startLabUser(context);
  } catch (error) {
    return { message: actionFailure(error).message };
  }
  const { sessionToken, jwt } = signIn;
  await setSessionCookie(cookieStore, sessionToken, context.secure, true);
  cookieStore.set(LAB_COOKIES.sessionToken, jwt, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: LAB_COOKIE_SECURE,
    maxAge: LAB_JWT_MAX_AGE_SECONDS,
  });
  return {};
}

const changeSchema = z.enum(['ban', 'ban-unlisted', 'unban', 'premium', 'standard']);
export type LabChange = z.infer<typeof changeSchema>;

export async function changeLabUserAction(change: LabChange): Promise<LabActionState> {
  const parsed = changeSchema.safeParse(change);
  if (!parsed.success) return { message: 'Unknown change.' };
  const claims = await decodeLabJwt((await cookies()).get(LAB_COOKIES.sessionToken)?.value);
  if (!claims) return { message: 'Try the lab first: there is no lab user in this browser.' };
  try {
    if (parsed.data === 'ban' || parsed.data === 'ban-unlisted') {
      await banLabUser(claims.sub, { writeDenyList: parsed.data === 'ban' });
    } else if (parsed.data === 'unban') await unbanLabUser(claims.sub);
    else await setLabUserTier(claims.sub, parsed.data);
  } catch (error) {
    return { message: actionFailure(error).message };
  }
  return {};
}

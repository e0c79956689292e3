import 'server-only';
import {
  guestCartCookieName,
  guestCartCookieOptions,
  guestCartSetCookie,
  guestIdFromRequest,
  openGuestCartCookie,
} from './cookie';
import { mergeGuestCart } from './index';

// At login and registration the guest's cart joins the user's and its cookie goes. A failure here must not undo
// a sign-in that already happened: the guest cart then simply stays where it was, behind its cookie.

async function mergeOrKeep(guestId: string, userId: string): Promise<boolean> {
  try {
    await mergeGuestCart(guestId, userId);
    return true;
  } catch (error) {
    console.error('The guest cart could not be merged at sign-in; it stays a guest cart.', error);
    return false;
  }
}

/** Route handlers: merges the request's guest cart into the user's and clears its cookie on `response`. */
export async function mergeGuestCartIntoResponse(
  request: Request,
  userId: string,
  response: Response,
): Promise<Response> {
  const { guestId, secure } = await guestIdFromRequest(request);
  if (guestId && (await mergeOrKeep(guestId, userId))) {
    response.headers.append('Set-Cookie', guestCartSetCookie('', secure, 0));
  }
  return response;
}

type CookieJar = {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options: ReturnType<typeof guestCartCookieOptions>): unknown;
};

/** Server actions: the same through next/headers' cookies(). */
export async function mergeGuestCartIntoCookies(
  cookies: CookieJar,
  userId: string,
  secure: boolean,
): Promise<void> {
  const name = guestCartCookieName(secure);
  const guestId = openGuestCartCookie(cookies.get(name)?.value);
  if (guestId && (await mergeOrKeep(guestId, userId)))
    cookies.set(name, '', guestCartCookieOptions(secure, 0));
}

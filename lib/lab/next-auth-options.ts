import 'server-only';
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { verifyCredentials } from './credentials';
import {
  decodeLabJwt,
  encodeLabJwt,
  LAB_AUTH_BASE_PATH,
  LAB_COOKIE_SECURE,
  LAB_COOKIES,
  LAB_JWT_MAX_AGE_SECONDS,
  labJwtKey,
} from './jwt';

// next-auth v4, as a typical app would use it: Credentials against the storefront's users, session strategy "jwt",
// 15 minutes. v4 has no basePath option: it takes its base URL from NEXTAUTH_URL, so the lab sets it to its own path.
process.env.NEXTAUTH_URL = `${env.SITE_URL}${LAB_AUTH_BASE_PATH}`;

const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: LAB_COOKIE_SECURE };

export const labAuthOptions: AuthOptions = {
  secret: Buffer.from(labJwtKey()).toString('base64url'),
  session: { strategy: 'jwt', maxAge: LAB_JWT_MAX_AGE_SECONDS },
  jwt: {
    maxAge: LAB_JWT_MAX_AGE_SECONDS,
    encode: ({ token, maxAge }) => encodeLabJwt(token ?? {}, maxAge),
    decode: async ({ token }) => {
      const claims = await decodeLabJwt(token);
      return claims ? { ...claims } : null;
    },
  },
  cookies: {
    sessionToken: { name: LAB_COOKIES.sessionToken, options: cookieOptions },
    csrfToken: { name: LAB_COOKIES.csrfToken, options: cookieOptions },
    callbackUrl: { name: LAB_COOKIES.callbackUrl, options: cookieOptions },
  },
  providers: [
    CredentialsProvider({
      name: 'your Northwind Supply account',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      authorize: (credentials, request) => verifyCredentials(credentials ?? {}, request.headers ?? {}),
    }),
  ],
  callbacks: {
    // Whatever the user was at sign-in goes into the token, and stays there until it expires.
    jwt({ token, user }) {
      if (!user) return token;
      const { id, email, name, role, tier, banned } = user as typeof user & {
        role: string;
        tier: string;
        banned: boolean;
      };
      return { sub: id, email, name, role, tier, banned };
    },
  },
};

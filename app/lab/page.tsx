import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { LabBoard } from '@/components/lab/lab-board';
import { LabExplanation } from '@/components/lab/lab-explanation';
import { Container } from '@/components/ui/container';
import { decodeLabJwt, LAB_AUTH_BASE_PATH, LAB_COOKIES } from '@/lib/lab/jwt';
import { isLabUser } from '@/lib/lab/lab-users';
import { requestIsHttps } from '@/lib/http/scheme';
import { sessionCookieName } from '@/lib/session';

export const metadata: Metadata = {
  title: 'The JWT lab',
  description: 'One account signed in three ways: a Redis session, a JWT, and a JWT with a deny-list.',
};

function cookieBytes(name: string, value: string | undefined): number | null {
  return value === undefined ? null : Buffer.byteLength(`${name}=${value}`);
}

export default async function LabPage() {
  const cookieStore = await cookies();
  const sidName = sessionCookieName(requestIsHttps(await headers()));
  const jwt = cookieStore.get(LAB_COOKIES.sessionToken)?.value;
  const claims = await decodeLabJwt(jwt);
  const canChange = claims ? await isLabUser(claims.sub) : false;
  // The page gets the JWT's header and payload to decode, never its signature: the HttpOnly cookie stays usable
  // only by the browser.
  const [header, payload] = claims && jwt ? jwt.split('.') : [];
  return (
    <Container className="flex flex-col gap-8 py-10">
      <div className="max-w-3xl">
        <h1 className="text-3xl font-semibold text-slate-900">The JWT lab</h1>
        <p className="mt-2 text-slate-700">
          One account, signed in three ways at once: the storefront&apos;s session in Redis, a stateless JWT
          session issued by next-auth, and the same JWT checked against a deny-list in Redis. Ban the account
          or change its tier, and watch what each of them believes.
        </p>
      </div>
      <LabBoard
        token={header && payload ? { header, payload } : null}
        cookieSizes={{
          sid: cookieBytes(sidName, cookieStore.get(sidName)?.value),
          jwt: cookieBytes(LAB_COOKIES.sessionToken, jwt),
        }}
        canChange={canChange}
        signInHref={`${LAB_AUTH_BASE_PATH}/signin?callbackUrl=${encodeURIComponent('/lab')}`}
      />
      <LabExplanation />
    </Container>
  );
}

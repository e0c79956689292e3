import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';

/** The plain-words account of what the lab shows, and where a JWT is the right tool. */
export function LabExplanation() {
  return (
    <Card className="max-w-3xl">
      <CardHeader>
        <CardTitle>What you just saw</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm leading-6 text-slate-700">
        <p>
          <strong className="text-slate-900">The Redis session</strong> is a random token; every request looks
          it up, together with the user&apos;s current role, tier and ban state, in one Redis round trip. A
          ban or an upgrade counts on the very next request, because there is nothing else to believe.
        </p>
        <p>
          <strong className="text-slate-900">The JWT</strong> carries the user inside the cookie, signed.
          Checking it needs no Redis and no database, which is its appeal, but it also means the server has
          nothing to ask: it keeps answering with whatever was true at sign-in until the token expires. Anyone
          holding the cookie can read its payload, as this page does.
        </p>
        <p>
          <strong className="text-slate-900">The deny-list</strong> is the usual fix: on every request, ask
          Redis whether this user was banned since. It works for the bans that write the list, and only those:
          the admin console&apos;s ban deletes the sessions and never writes it, so a user banned there keeps
          answering here until the JWT expires. Every place that bans has to remember the list. It is also the
          per-request look-up the JWT was meant to save, and it still misses the tier change unless you list
          those too, at which point you have rebuilt a session store with extra steps.
        </p>
        <p>
          <strong className="text-slate-900">Where a JWT does fit:</strong> short-lived, single-purpose proofs
          that must travel without a server-side record. This shop uses them for the password-reset and email
          links it mails (one purpose each, minutes to a day, bound so they work once) and for calls from one
          service to another, such as the payments service, where each request carries its own short-lived
          signed claim and there is no browser session to revoke.
        </p>
      </CardContent>
    </Card>
  );
}

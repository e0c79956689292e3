'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState, useTransition } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button, LinkButton } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { changeLabUserAction, tryLabAction, type LabChange } from '@/lib/lab/actions';
import type { LabAnswer } from '@/lib/lab/answers';

// The three columns, live: each polls its API every two seconds and shows what it currently believes.

type ColumnId = 'redis' | 'jwt' | 'denylist';
type Reply = {
  status: number;
  answer: LabAnswer | null;
  message: string | null;
  redisLookups: number | null;
};

const POLL_MS = 2000;

const COLUMNS: { id: ColumnId; title: string; api: string; how: string }[] = [
  {
    id: 'redis',
    title: 'Redis session',
    api: '/api/lab/redis-me',
    how: 'The storefront’s own check: the session and the user’s current state, one Redis round trip.',
  },
  {
    id: 'jwt',
    title: 'JWT (next-auth)',
    api: '/api/lab/jwt-me',
    how: 'Reads the signed cookie alone: no Redis, no database. Believes it until it expires.',
  },
  {
    id: 'denylist',
    title: 'JWT + deny-list',
    api: '/api/lab/denylist-me',
    how: 'The same JWT, plus a Redis look-up on every request for a ban. It knows only the bans whose code remembered to write the list: the lab’s first ban button does; the admin console’s ban, and the second button, which runs that code, do not.',
  },
];

async function ask(api: string): Promise<Reply> {
  const response = await fetch(api, { cache: 'no-store', credentials: 'same-origin' });
  const body = (await response.json().catch(() => null)) as
    (LabAnswer & { error?: { message?: string; redisLookups?: number } }) | null;
  if (response.ok && body)
    return { status: 200, answer: body, message: null, redisLookups: body.redisLookups };
  return {
    status: response.status,
    answer: null,
    message: body?.error?.message ?? 'No answer.',
    redisLookups: body?.error?.redisLookups ?? null,
  };
}

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function formatCountdown(seconds: number): string {
  if (seconds <= 0) return 'expired';
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

export function LabBoard({
  token,
  cookieSizes,
  canChange,
  signInHref,
}: {
  token: { header: string; payload: string } | null;
  cookieSizes: { sid: number | null; jwt: number | null };
  canChange: boolean;
  signInHref: string;
}) {
  const router = useRouter();
  const [replies, setReplies] = useState<Partial<Record<ColumnId, Reply>>>({});
  const [now, setNow] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Which kind of ban this page made last, for the deny-list column's note; a ban from the admin console is
  // covered by the column's own description.
  const [lastBan, setLastBan] = useState<'listed' | 'unlisted' | null>(null);
  const [pending, startTransition] = useTransition();

  const poll = useCallback(async () => {
    const answers = await Promise.all(COLUMNS.map((column) => ask(column.api).catch(() => null)));
    setReplies(Object.fromEntries(COLUMNS.map((column, index) => [column.id, answers[index] ?? undefined])));
  }, []);

  useEffect(() => {
    // The first poll waits one tick so it does not set state during the effect itself.
    const first = setTimeout(poll, 0);
    const timer = setInterval(poll, POLL_MS);
    const clock = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
      clearInterval(clock);
    };
  }, [poll]);

  const payload = token ? (decodeSegment(token.payload) as { exp?: number }) : null;
  const secondsLeft =
    payload?.exp !== undefined && now !== null ? Math.max(0, Math.round(payload.exp - now / 1000)) : null;

  const run = (action: () => Promise<{ message?: string }>) =>
    startTransition(async () => {
      const result = await action();
      setMessage(result.message ?? null);
      router.refresh();
      await poll();
    });

  const change = (what: LabChange) =>
    run(async () => {
      const result = await changeLabUserAction(what);
      if (!result.message && (what === 'ban' || what === 'ban-unlisted' || what === 'unban')) {
        setLastBan(what === 'ban' ? 'listed' : what === 'ban-unlisted' ? 'unlisted' : null);
      }
      return result;
    });

  return (
    <section aria-labelledby="lab-board-heading" className="flex flex-col gap-6">
      <h2 id="lab-board-heading" className="sr-only">
        The three sessions
      </h2>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => run(tryLabAction)} disabled={pending}>
          {token ? 'Start over with a new lab user' : 'Try it: make me a lab user'}
        </Button>
        {canChange ? (
          <>
            <Button variant="danger" onClick={() => change('ban')} disabled={pending}>
              Ban it and write the deny-list
            </Button>
            <Button variant="danger" onClick={() => change('ban-unlisted')} disabled={pending}>
              Ban it as the admin console does
            </Button>
            <Button variant="secondary" onClick={() => change('unban')} disabled={pending}>
              Unban
            </Button>
            <Button variant="secondary" onClick={() => change('premium')} disabled={pending}>
              Upgrade to premium
            </Button>
            <Button variant="ghost" onClick={() => change('standard')} disabled={pending}>
              Back to standard
            </Button>
          </>
        ) : (
          <LinkButton href={signInHref} variant="secondary" prefetch={false}>
            Sign in to the lab with your own account
          </LinkButton>
        )}
        <p role="status" className="text-sm text-slate-700">
          {message}
        </p>
      </div>
      <p className="text-sm text-slate-600">
        “Try it” makes a throwaway shopper (deleted after an hour) and signs this browser in as it, which
        signs you out of your own account here. Lab users cannot reach the admin console or place orders.
      </p>
      <div className="grid gap-4 lg:grid-cols-3">
        {COLUMNS.map((column) => {
          const reply = replies[column.id];
          const user = reply?.answer?.user;
          const cookie = column.id === 'redis' ? cookieSizes.sid : cookieSizes.jwt;
          return (
            <Card key={column.id} data-testid={`lab-column-${column.id}`} data-status={reply?.status ?? ''}>
              <CardHeader>
                <CardTitle>{column.title}</CardTitle>
                <p className="text-sm text-slate-600">{column.how}</p>
              </CardHeader>
              <CardContent className="flex flex-col gap-4">
                <p className="flex items-center gap-2 text-sm">
                  {!reply ? (
                    <Badge>Asking…</Badge>
                  ) : reply.status === 200 ? (
                    <Badge tone="success">Signed in · 200</Badge>
                  ) : (
                    <Badge tone="danger">Refused · {reply.status}</Badge>
                  )}
                  <code className="text-xs text-slate-600">GET {column.api}</code>
                </p>
                <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
                  <dt className="text-slate-600">Role</dt>
                  <dd className="font-medium text-slate-900">{user?.role ?? '—'}</dd>
                  <dt className="text-slate-600">Tier</dt>
                  <dd className="font-medium text-slate-900" data-testid={`lab-${column.id}-tier`}>
                    {user?.tier ?? '—'}
                  </dd>
                  <dt className="text-slate-600">Banned</dt>
                  <dd className="font-medium text-slate-900">{user ? (user.banned ? 'yes' : 'no') : '—'}</dd>
                  <dt className="text-slate-600">Redis look-ups</dt>
                  <dd className="font-medium text-slate-900">
                    {reply?.redisLookups ?? (column.id === 'jwt' ? 0 : '—')} per request
                  </dd>
                  <dt className="text-slate-600">Cookie</dt>
                  <dd className="font-medium text-slate-900">
                    {cookie === null ? 'none' : `${cookie} bytes`}
                  </dd>
                  {column.id === 'redis' ? null : (
                    <>
                      <dt className="text-slate-600">Notices changes in</dt>
                      <dd className="font-medium text-slate-900 tabular-nums">
                        {secondsLeft === null ? '—' : formatCountdown(secondsLeft)}
                      </dd>
                    </>
                  )}
                </dl>
                {reply?.message ? <p className="text-sm text-slate-700">{reply.message}</p> : null}
                {column.id === 'denylist' && lastBan ? (
                  <p className="text-sm text-slate-700" data-testid="lab-denylist-note">
                    {lastBan === 'listed'
                      ? 'Caught: the ban wrote this user to the deny-list.'
                      : 'Missed: this ban never wrote the deny-list, so this column cannot know. A deny-list only knows what every piece of code that bans remembered to tell it.'}
                  </p>
                ) : null}
              </CardContent>
            </Card>
          );
        })}
      </div>
      {token ? (
        <Card>
          <CardHeader>
            <CardTitle>The JWT, decoded in this page</CardTitle>
            <p className="text-sm text-slate-600">
              A signed JWT is not encrypted: anyone holding the cookie can read this. The signature only stops
              them from changing it.
            </p>
          </CardHeader>
          <CardContent>
            <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs leading-5 text-slate-100">
              {JSON.stringify({ header: decodeSegment(token.header), payload }, null, 2)}
            </pre>
          </CardContent>
        </Card>
      ) : null}
    </section>
  );
}

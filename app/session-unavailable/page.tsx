import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LinkButton } from '@/components/ui/button';
import { Card, CardContent, CardHeader } from '@/components/ui/card';
import { Container } from '@/components/ui/container';
import { safeNextPath } from '@/lib/auth/redirect';
import { SESSION_UNAVAILABLE_TEXT } from '@/lib/http/unavailable-page';

export const metadata: Metadata = { title: 'Try again shortly', robots: { index: false } };

// Where the gate sends a private page it could not check (Redis away). A cached shell: the retry link reads the URL.
export default function SessionUnavailablePage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  return (
    <Container className="max-w-xl py-16">
      <Card>
        <CardHeader>
          <h1 className="text-lg font-semibold text-slate-900">{SESSION_UNAVAILABLE_TEXT.title}</h1>
        </CardHeader>
        <CardContent className="flex flex-col gap-4 text-sm text-slate-700">
          <p>{SESSION_UNAVAILABLE_TEXT.body}</p>
          <div className="flex flex-wrap gap-3">
            <Suspense fallback={<RetryLink next="/" />}>
              <Retry searchParams={searchParams} />
            </Suspense>
            <LinkButton href="/" variant="secondary">
              Keep browsing the shop
            </LinkButton>
          </div>
        </CardContent>
      </Card>
    </Container>
  );
}

async function Retry({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  return <RetryLink next={safeNextPath((await searchParams).next)} />;
}

function RetryLink({ next }: { next: string }) {
  return (
    <LinkButton href={next} prefetch={false}>
      Try again
    </LinkButton>
  );
}

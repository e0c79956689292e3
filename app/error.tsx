'use client';

import { useEffect } from 'react';
import { Button, LinkButton } from '@/components/ui/button';
import { Container } from '@/components/ui/container';

// The detail of a server error never reaches the browser in production; the digest ties this page to the server log.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <Container className="flex flex-col items-center gap-6 py-24 text-center">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Something went wrong</h1>
      <p className="max-w-md text-slate-600">
        We couldn’t load this page. Please try again in a moment.
        {error.digest ? (
          <span className="mt-2 block text-xs text-slate-500">Reference: {error.digest}</span>
        ) : null}
      </p>
      <div className="flex gap-3">
        <Button onClick={reset}>Try again</Button>
        <LinkButton href="/" variant="secondary">
          Home page
        </LinkButton>
      </div>
    </Container>
  );
}

'use client';

import './globals.css';

// Catches what app/error.tsx cannot: a failure in the root layout itself (the header's category query with the
// database down). It replaces the whole document, so it brings its own <html> and <body>.
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col items-center justify-center gap-6 bg-white px-6 text-center font-sans text-slate-900">
        <h1 className="text-3xl font-bold tracking-tight">Northwind Supply is having trouble</h1>
        <p className="max-w-md text-slate-600">
          We couldn’t load the store right now. Please try again in a moment.
          {error.digest ? (
            <span className="mt-2 block text-xs text-slate-500">Reference: {error.digest}</span>
          ) : null}
        </p>
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
        >
          Try again
        </button>
      </body>
    </html>
  );
}

import { assertProductionSecrets } from '@/lib/env';

// Runs once when the server starts: a production server with a missing, short or published SESSION_SECRET would
// accept forged cookies, so it refuses to start instead. `next build` loads this too and has no secrets to check.
export function register(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    assertProductionSecrets();
  } catch (error) {
    // A throwing hook only makes Next log it and answer every request with a 500; exit so the failure is loud
    // and a process manager sees the server did not start.
    console.error(error instanceof Error ? error.message : error);
    if (process.env.NEXT_RUNTIME === 'nodejs') process.exit(1);
    throw error;
  }
}

import { assertProductionSecrets } from '@/lib/env';

// Runs once when the server starts: a production server with a missing, short or published SESSION_SECRET would
// accept forged cookies, so it refuses to start instead. `next build` loads this too and has no secrets to check.
export function register(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  assertProductionSecrets();
}

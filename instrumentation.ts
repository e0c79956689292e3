// Runs once when the server starts: a production server with a missing, short or published SESSION_SECRET would
// accept forged cookies, so it refuses to start instead, as it does on any invalid setting. `next build` loads this
// too and has no secrets to check.
export async function register(): Promise<void> {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  try {
    // Imported here so an invalid environment, which throws while lib/env loads, is reported in one line too.
    const { assertProductionSecrets } = await import('@/lib/env');
    assertProductionSecrets();
  } catch (error) {
    // A throwing hook only makes Next log it and answer every request with a 500; exit so the failure is loud
    // and a process manager sees the server did not start.
    console.error(error instanceof Error ? error.message : error);
    if (process.env.NEXT_RUNTIME === 'nodejs') process.exit(1);
    throw error;
  }
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Before the first request: the client's address is the socket's, which only a request hook can see.
    const { recordPeerAddresses } = await import('@/lib/http/peer-address');
    recordPeerAddresses();
    const { handleShutdownSignals } = await import('@/lib/lifecycle');
    handleShutdownSignals();
    // The cache handlers (lib/cache, loaded outside the app's bundles) share tag expiries through this client; make
    // it now (it connects on first use), so the first request's cache check finds it.
    const { getRedis } = await import('@/lib/redis');
    getRedis();
    // The password-strength dictionaries take a second to build: do it now, not in the first sign-up's request.
    const { passwordStrength } = await import('@/lib/auth/password-strength');
    setTimeout(() => passwordStrength('warm up the dictionaries'), 0);
    const { warnIfDemoAccountsLive } = await import('@/lib/auth/demo-warning');
    // A database that is down at start must not stop the server: the warning is advice, not a gate.
    await warnIfDemoAccountsLive().catch((error: unknown) =>
      console.error('Could not check for demo accounts:', error instanceof Error ? error.message : error),
    );
  }
}

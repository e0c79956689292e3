import 'server-only';
import { db } from '@/lib/db';
import { demoAccountsAllowed, env, type Env } from '@/lib/env';
import { DEMO_ACCOUNTS } from './demo-accounts';

/**
 * At server start: a production server whose database holds a demo account (published password) says so loudly,
 * unless DEMO_ACCOUNTS=on says that is intended. Returns the addresses it warned about.
 */
export async function warnIfDemoAccountsLive(
  log: (message: string) => void = console.warn,
  source: Env = env,
): Promise<string[]> {
  if (source.NODE_ENV !== 'production' || demoAccountsAllowed(source)) return [];
  const live = await db.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((account) => account.email) } },
    select: { email: true },
  });
  const emails = live.map((user) => user.email);
  if (emails.length) {
    log(
      `WARNING: demo account(s) ${emails.join(', ')} exist in this production database and their passwords are ` +
        'published in the README. Delete them, or set DEMO_ACCOUNTS=on if this server is a demo.',
    );
  }
  return emails;
}

import 'server-only';
import { db } from '@/lib/db';

/** One row per session started (login or registration), for the admin dashboard. */
export async function recordSignIn(userId: string): Promise<void> {
  await db.signIn.create({ data: { userId } });
}

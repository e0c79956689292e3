import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { createRateLimiter } from '@/lib/rate-limit';
import { getRedis } from '@/lib/redis';
import { testPrefix } from '@/test/redis';
import { listMailbox, newMailboxSecret } from '@/lib/mail';
import { uniqueEmail } from '@/test/auth';
import { resendVerificationEmail } from './email-verification';

async function newUser() {
  return db.user.create({
    data: { email: uniqueEmail(), name: 'Resend', passwordHash: 'x' },
    select: { id: true, email: true },
  });
}

describe('resendVerificationEmail', () => {
  it('mails a new link a few times an hour, then answers 429', async () => {
    const user = await newUser();
    const limiter = createRateLimiter({
      redis: getRedis(),
      prefix: testPrefix('verify-resend'),
      name: 'verify-resend',
      limit: 2,
      windowSeconds: 3600,
    });
    const mailbox = newMailboxSecret();
    expect(await resendVerificationEmail(user, mailbox, limiter)).toBe('sent');
    expect(await resendVerificationEmail(user, mailbox, limiter)).toBe('sent');
    await expect(resendVerificationEmail(user, mailbox, limiter)).rejects.toMatchObject({
      code: 'rate_limited',
    });
    await vi.waitFor(async () => expect(await listMailbox(mailbox, user.email)).toHaveLength(2), {
      timeout: 5000,
    });
  });

  it('sends nothing once the address is verified', async () => {
    const user = await newUser();
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    const mailbox = newMailboxSecret();
    expect(await resendVerificationEmail(user, mailbox)).toBe('already_verified');
    expect(await listMailbox(mailbox)).toEqual([]);
  });
});

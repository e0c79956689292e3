import { randomUUID } from 'node:crypto';
import { register } from '@/lib/auth/auth';
import { uniqueEmail } from '@/test/auth';
import { db } from '@/lib/db';
import { sessionSetCookie } from '@/lib/session';
import { getSessionStore } from '@/lib/session/store';

// Helpers for the cart, checkout and order tests. Each test makes its own products and users, so none depends
// on another's data or on the seeded stock. Nothing but tests imports this.

export async function makeProducts(specs: { priceCents: number; stock: number }[]) {
  const tag = randomUUID().slice(0, 8);
  const category = await db.category.create({
    data: { slug: `test-${tag}`, name: `Test ${tag}`, description: 'Made by a test.' },
  });
  return Promise.all(
    specs.map((spec, index) =>
      db.product.create({
        data: {
          slug: `test-${tag}-${index}`,
          name: `Test product ${tag} ${index}`,
          description: 'Made by a test.',
          priceCents: spec.priceCents,
          stock: spec.stock,
          imagePath: '/products/test.svg',
          categoryId: category.id,
        },
      }),
    ),
  );
}

export const TEST_PASSWORD = 'a long enough password';

/** A new account with a session: its id and the session cookie as a browser would send it. */
export async function signedUpUser() {
  const email = uniqueEmail();
  const result = await register(
    { email, password: TEST_PASSWORD, name: 'Cart Test' },
    { ip: null, deviceIp: null, userAgent: null, previousToken: null },
  );
  const cookie = (await sessionSetCookie(result.token, false, true)).split(';')[0] as string;
  return { userId: result.user.id, email, cookie };
}

/** Changes a user's tier as an admin would: the database, then the Redis record every session check reads. */
export async function setTier(userId: string, tier: 'standard' | 'premium') {
  await db.user.update({ where: { id: userId }, data: { tier } });
  await getSessionStore().dropUser(userId);
}

/** The `name=value` of a Set-Cookie line of a response, by cookie name. */
export function setCookieFor(response: Response, name: string): string | null {
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? '';
    if (pair.startsWith(`${name}=`)) return pair;
  }
  return null;
}

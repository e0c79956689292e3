import { randomUUID } from 'node:crypto';
import { revalidateTag } from 'next/cache';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/http/errors';
import { updateProduct } from './changes';
import { PRODUCT_LISTS_TAG, productTag } from './tags';

const suffix = randomUUID().slice(0, 8);
const category = `changes-${suffix}`;
const slug = `changing-lamp-${suffix}`;

beforeAll(async () => {
  const { id } = await db.category.create({ data: { slug: category, name: 'Changes', description: 'Test' } });
  await db.product.create({
    data: {
      slug,
      name: 'Lamp',
      description: 'A lamp.',
      priceCents: 25_00,
      stock: 3,
      imagePath: '/x.svg',
      categoryId: id,
    },
  });
});

afterAll(async () => {
  await db.product.deleteMany({ where: { category: { slug: category } } });
  await db.category.deleteMany({ where: { slug: category } });
});

beforeEach(() => vi.mocked(revalidateTag).mockClear());

describe('updateProduct', () => {
  it('writes the change and expires the product and every list, at once', async () => {
    const updated = await updateProduct(slug, { stock: 0, priceCents: 27_50 });
    expect(updated).toMatchObject({ slug, stock: 0, priceCents: 27_50, name: 'Lamp' });
    expect(await db.product.findUnique({ where: { slug }, select: { stock: true } })).toEqual({ stock: 0 });
    expect(vi.mocked(revalidateTag).mock.calls).toEqual([
      [productTag(slug), { expire: 0 }],
      [PRODUCT_LISTS_TAG, { expire: 0 }],
    ]);
  });

  it('refuses an empty or invalid change, and changes and expires nothing', async () => {
    for (const change of [{}, { stock: -1 }, { priceCents: 0 }, { name: ' ' }, { featured: true }]) {
      await expect(updateProduct(slug, change as never)).rejects.toBeInstanceOf(ZodError);
    }
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it('answers not_found for an unknown product', async () => {
    await expect(updateProduct(`no-such-${suffix}`, { stock: 1 })).rejects.toMatchObject(
      new AppError('not_found', 'There is no such product.'),
    );
    expect(revalidateTag).not.toHaveBeenCalled();
  });
});

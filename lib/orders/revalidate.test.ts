import { revalidateTag } from 'next/cache';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PRODUCT_LISTS_TAG, productTag } from '@/lib/catalog/tags';
import { revalidateProductStock } from './revalidate';

beforeEach(() => vi.mocked(revalidateTag).mockClear());

describe('revalidateProductStock', () => {
  it("expires the catalog's own tags: each product once, and every list", async () => {
    await revalidateProductStock(['lamp', 'mug', 'lamp']);
    expect(vi.mocked(revalidateTag).mock.calls).toEqual([
      [productTag('lamp'), { expire: 0 }],
      [productTag('mug'), { expire: 0 }],
      [PRODUCT_LISTS_TAG, { expire: 0 }],
    ]);
  });
});

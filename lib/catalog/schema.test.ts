import { describe, expect, it } from 'vitest';
import { parseProductQueryOrDefaults, productQuerySchema } from './schema';

describe('productQuerySchema', () => {
  it('fills the defaults', () => {
    expect(productQuerySchema.parse({})).toEqual({ sort: 'relevance', page: 1, pageSize: 24 });
  });

  it('coerces numbers, trims the search and treats blank fields as missing', () => {
    expect(
      productQuerySchema.parse({ q: '  mug ', page: '3', pageSize: '10', sort: '', category: '' }),
    ).toEqual({
      q: 'mug',
      sort: 'relevance',
      page: 3,
      pageSize: 10,
    });
  });

  it.each([
    ['page', '0'],
    ['page', 'abc'],
    ['page', '1.5'],
    ['pageSize', '101'],
    ['pageSize', '0'],
    ['sort', 'bogus'],
    ['category', 'Not A Slug'],
    ['q', 'x'.repeat(101)],
  ])('rejects %s=%s naming the field', (field, value) => {
    const result = productQuerySchema.safeParse({ [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual([field]);
  });
});

describe('parseProductQueryOrDefaults', () => {
  it('keeps valid parameters and replaces invalid ones by their defaults', () => {
    expect(
      parseProductQueryOrDefaults({ q: 'lamp', sort: 'bogus', page: '-2', pageSize: ['12', '48'] }),
    ).toEqual({
      q: 'lamp',
      sort: 'relevance',
      page: 1,
      pageSize: 12,
    });
  });
});

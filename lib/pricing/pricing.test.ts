import { describe, expect, it } from 'vitest';
import {
  FLAT_SHIPPING_CENTS,
  FREE_SHIPPING_THRESHOLD_CENTS,
  discountCents,
  formatPrice,
  percentOf,
  priceLines,
  shippingCents,
  tierUnitPriceCents,
} from '.';

describe('pricing', () => {
  it('rounds ten percent half up to the cent', () => {
    expect(percentOf(1005, 10)).toBe(101); // 100.5 -> 101
    expect(percentOf(1004, 10)).toBe(100); // 100.4 -> 100
    expect(percentOf(1015, 10)).toBe(102); // 101.5 -> 102
    expect(percentOf(5, 10)).toBe(1); // 0.5 -> 1
    expect(percentOf(4, 10)).toBe(0);
    expect(percentOf(0, 10)).toBe(0);
  });

  it('refuses fractional or negative cents', () => {
    expect(() => percentOf(10.5, 10)).toThrow(RangeError);
    expect(() => percentOf(-1, 10)).toThrow(RangeError);
  });

  it('gives the discount to premium members only', () => {
    expect(discountCents(4_999, 'premium')).toBe(500);
    expect(discountCents(4_999, 'standard')).toBe(0);
    expect(tierUnitPriceCents(4_999, 'premium')).toBe(4_499);
    expect(tierUnitPriceCents(4_999, 'standard')).toBe(4_999);
  });

  it('charges standard shipping below the threshold only, premium never, an empty cart never', () => {
    expect(shippingCents(FREE_SHIPPING_THRESHOLD_CENTS - 1, 'standard')).toBe(FLAT_SHIPPING_CENTS);
    expect(shippingCents(FREE_SHIPPING_THRESHOLD_CENTS, 'standard')).toBe(0);
    expect(shippingCents(100, 'premium')).toBe(0);
    expect(shippingCents(0, 'standard')).toBe(0);
  });

  it('totals lines: the discount applies to the subtotal, shipping is judged before the discount', () => {
    const lines = [
      { unitPriceCents: 2_50, quantity: 3 },
      { unitPriceCents: 19_99, quantity: 1 },
    ];
    expect(priceLines(lines, 'standard')).toEqual({
      subtotalCents: 27_49,
      discountCents: 0,
      shippingCents: FLAT_SHIPPING_CENTS,
      totalCents: 27_49 + FLAT_SHIPPING_CENTS,
    });
    expect(priceLines(lines, 'premium')).toEqual({
      subtotalCents: 27_49,
      discountCents: 2_75,
      shippingCents: 0,
      totalCents: 24_74,
    });
    expect(priceLines([], 'standard').totalCents).toBe(0);
  });

  it('formats cents as currency', () => {
    expect(formatPrice(1_234_56, 'USD')).toBe('$1,234.56');
  });
});

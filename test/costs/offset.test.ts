import { describe, expect, it } from 'vitest';
import { offsetContributionCents } from '../../src/costs/offset.models.ts';

describe('offsetContributionCents: tonnes × price, rounded up to the cent', () => {
  it('rounds a fraction of a cent up', () => {
    // 1 g at 100 €/t: 1 / 1 000 000 t × 10 000 ¢ = 0,01 ¢ → 1 ¢
    expect(offsetContributionCents(1, 10_000)).toBe(1);
    // 123 456 g at 100 €/t: 0,123456 × 10 000 = 1 234,56 ¢ → 1 235 ¢
    expect(offsetContributionCents(123_456, 10_000)).toBe(1235);
    // 1 000 001 g at 100 €/t: 10 000,01 ¢ → 10 001 ¢
    expect(offsetContributionCents(1_000_001, 10_000)).toBe(10_001);
  });

  it('keeps an exactly integral amount', () => {
    // 1 t at 100 €/t = 10 000 ¢; 250 kg at 100 €/t = 2 500 ¢; 500 g at 20 €/t = 500 × 2 000 / 10^6 = 1 ¢
    expect(offsetContributionCents(1_000_000, 10_000)).toBe(10_000);
    expect(offsetContributionCents(250_000, 10_000)).toBe(2500);
    expect(offsetContributionCents(500, 2000)).toBe(1);
  });

  it('charges nothing for nothing', () => {
    expect(offsetContributionCents(0, 10_000)).toBe(0);
    expect(offsetContributionCents(1_234_567, 0)).toBe(0);
  });

  it('stays exact past 2^53 in the intermediate product', () => {
    // 9 007 199 254 740 991 g × 3 ¢/t = 27 021 597 764 222 973 / 10^6 = 27 021 597 764,222973 → 27 021 597 765 ¢
    // (in doubles the product would already be rounded to 27 021 597 764 222 972)
    expect(offsetContributionCents(Number.MAX_SAFE_INTEGER, 3)).toBe(27_021_597_765);
  });

  it('refuses overflow and bad input', () => {
    expect(() => offsetContributionCents(Number.MAX_SAFE_INTEGER, 100_000_000)).toThrowError(expect.objectContaining({ code: 'validation.overflow' }));
    expect(() => offsetContributionCents(-1, 10_000)).toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
    expect(() => offsetContributionCents(1.5, 10_000)).toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
    expect(() => offsetContributionCents(10, Number.NaN)).toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
  });
});

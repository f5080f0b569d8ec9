import { describe, expect, it } from 'vitest';
import { parseEurosToCents, parseKgToGrams } from '../../src/ledger/ledger-input.models.ts';

describe('parseEurosToCents', () => {
  it.each([
    ['12', 1_200],
    ['12,3', 1_230], // one decimal is tenths: 12.30 €
    ['12,34', 1_234],
    ['12.34', 1_234],
    ['0,01', 1],
    ['1 234,56', 123_456],
    ['1\u00a0234,56', 123_456], // no-break space, as a spreadsheet copies it
    ['1\u202f234\u202f567,89 €', 123_456_789], // narrow no-break spaces and the euro sign of fr-FR formatting
    ['  42 EUR ', 4_200],
    ['0', 0],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parseEurosToCents(text)).toBe(cents);
  });

  it.each([['12,345'], ['-5'], ['1,234.56'], ['12 34'], ['1 2345'], ['abc'], [''], ['1e3'], ['12,'], [',5'], ['99999999999999999']])('refuses %j', (text) => {
    expect(parseEurosToCents(text)).toBeNull();
  });
});

describe('parseKgToGrams', () => {
  it('reads up to three decimals of a kilogram', () => {
    expect(parseKgToGrams('1,5')).toBe(1_500);
    expect(parseKgToGrams('12,345')).toBe(12_345);
    expect(parseKgToGrams('1 500')).toBe(1_500_000);
    expect(parseKgToGrams('0,0001')).toBeNull();
  });
});

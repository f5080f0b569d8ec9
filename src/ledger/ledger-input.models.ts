// What people type in the finance and admin forms, turned into integer units (pure).
// French first: "1 234,56", "1234,56" and "1234.56" are all 123 456 cents; a trailing "€" is allowed,
// as when a figure is pasted from a spreadsheet. No floating point: the digits are read as integers.

// Regular, no-break, narrow no-break and thin spaces: what French formatting puts between thousands.
const SPACES = /[\u0020\u00a0\u202f\u2009]+/g;

// Parses a non-negative decimal with at most `decimals` decimal places into an integer of the smallest
// unit (decimals = 2: euros → cents; decimals = 3: kg → g). Null when it is not such a number.
export function parseDecimalUnits(text: string, decimals: number): number | null {
  const trimmed = text.trim().replace(/\s*(€|EUR)$/i, '').replace(SPACES, ' ');
  // Spaces only between groups of three digits: "12 34" is a typing mistake, not 1 234.
  const match = new RegExp(`^(\\d{1,3}(?: \\d{3})+|\\d+)(?:[.,](\\d{1,${decimals}}))?$`).exec(trimmed);
  if (!match) return null;
  const integerPart = match[1]!.replace(/ /g, '');
  const fraction = (match[2] ?? '').padEnd(decimals, '0');
  const units = Number(integerPart) * 10 ** decimals + Number(fraction || '0');
  return Number.isSafeInteger(units) ? units : null;
}

export const parseEurosToCents = (text: string): number | null => parseDecimalUnits(text, 2);
export const parseKgToGrams = (text: string): number | null => parseDecimalUnits(text, 3);

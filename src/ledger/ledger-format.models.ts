import { createHash } from 'node:crypto';

// Formatting rules shared by the CSV and PDF exports (pure).

// A cell a spreadsheet would read as a formula is prefixed with an apostrophe (OWASP CSV injection).
// Only free text goes through this: amounts are formatted by us and stay numbers ("-12,50").
export function neutraliseCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

// Euros with a decimal comma from integer cents, exact (no floating point). `grouping` adds a
// no-break space every three digits for reading; CSV leaves it out so spreadsheets see a number.
export function formatCentsFr(amountCents: number, options: { grouping?: boolean } = {}): string {
  const sign = amountCents < 0 ? '-' : '';
  const abs = Math.abs(amountCents);
  const euros = String(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, '0');
  const grouped = options.grouping ? euros.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0') : euros;
  return `${sign}${grouped},${cents}`;
}

// Kilograms with three decimals from integer grams, exact.
export function formatGramsAsKgFr(co2eGrams: number): string {
  const sign = co2eGrams < 0 ? '-' : '';
  const abs = Math.abs(co2eGrams);
  return `${sign}${Math.floor(abs / 1000)},${String(abs % 1000).padStart(3, '0')}`;
}

// JSON with object keys sorted at every level: the same rows always give the same bytes, hence the
// same hash, whatever the order properties were built in.
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const contentHash = (rows: unknown): string => sha256Hex(canonicalJson(rows));

// Display helpers: storage is integer grams and cents, people read kg, t and euros.
export function formatCo2e(co2eGrams: number, locale = 'fr-FR'): string {
  const nf = (digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  if (Math.abs(co2eGrams) >= 1_000_000) return `${nf(2).format(co2eGrams / 1_000_000)} tCO2e`;
  return `${nf(1).format(co2eGrams / 1000)} kgCO2e`;
}

export function formatEuros(amountCents: number, locale = 'fr-FR'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(amountCents / 100);
}

// Half-up rounding of a non-negative quantity to an integer, robust to binary noise
// such as 0.1 * 3 = 0.30000000000000004.
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5 + 1e-9);
}


// Travel times are shown the French way in both languages: "3 h 05".
export function formatMinutes(totalMinutes: number): string {
  return `${Math.floor(totalMinutes / 60)} h ${String(Math.round(totalMinutes % 60)).padStart(2, '0')}`;
}

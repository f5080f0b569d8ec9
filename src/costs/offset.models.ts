import { invalid } from '../shared/errors.ts';
import { costErrors, costTexts } from './costs.errors.ts';

const GRAMS_PER_TONNE = 1_000_000n;

// The contribution is the CO2e in tonnes times the price, rounded UP to the cent (DESIGN §3): the
// envelope never collects less than the emissions cost. BigInt keeps grams × price exact even
// where the product passes 2^53.
export function offsetContributionCents(co2eGrams: number, pricePerTonneCents: number): number {
  if (!Number.isSafeInteger(co2eGrams) || co2eGrams < 0) throw invalid('co2eGrams', costTexts.gramsNotInteger());
  if (!Number.isSafeInteger(pricePerTonneCents) || pricePerTonneCents < 0) {
    throw invalid('pricePerTonneCents', costTexts.centsNotInteger());
  }
  const product = BigInt(co2eGrams) * BigInt(pricePerTonneCents);
  const cents = (product + GRAMS_PER_TONNE - 1n) / GRAMS_PER_TONNE;
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw costErrors.offsetOverflow({}, [{ path: 'co2eGrams', message: 'too large' }]);
  }
  return Number(cents);
}

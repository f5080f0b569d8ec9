import { invariant } from '../shared/errors.ts';
import { costErrors } from './costs.errors.ts';

// Splits a total into integer parts that add up exactly to the total, while the total itself is
// rounded only once (half up). Each part i is the exact value numerators[i] / denominator; the parts
// are the differences of the rounded running sums, so each one is within 1 unit of its exact value
// and no cent is created or lost by per-line rounding.
export function allocateRounded(numerators: readonly number[], denominator: number): { total: number; parts: number[] } {
  invariant(Number.isSafeInteger(denominator) && denominator > 0, 'allocateRounded: denominator must be a positive integer');
  const parts: number[] = [];
  let running = 0;
  let roundedSoFar = 0;
  for (const n of numerators) {
    invariant(Number.isSafeInteger(n) && n >= 0, 'allocateRounded: numerators must be non-negative safe integers');
    running += n;
    if (!Number.isSafeInteger(running)) throw costErrors.overflow();
    const rounded = divideRoundHalfUp(running, denominator);
    parts.push(rounded - roundedSoFar);
    roundedSoFar = rounded;
  }
  return { total: roundedSoFar, parts };
}

// Integer division rounded half up, for non-negative safe integers: no floating-point noise.
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  return Number((2n * n + d) / (2n * d));
}

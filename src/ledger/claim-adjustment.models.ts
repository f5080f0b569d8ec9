// Settling the carbon contribution on what was really travelled (DESIGN §7). The contribution booked
// at validation is never recomputed: certifying a claim books the difference between the actual
// trip's contribution (its own quote, priced at the carbon price of the actual trip's year) and what
// the ledger holds for the mission, as one transfer: up (the budget line pays more) or down (the
// envelope gives back). A difference of zero books nothing.

export type Booked = { amountCents: number; co2eGrams: number };
export type ActualOffset = { amountCents: number; co2eGrams: number };

export type Adjustment = {
  amountCents: number; // signed: > 0 the budget line pays more, < 0 the envelope gives back
  co2eGrams: number; // signed likewise: the actual offset's grams − the booked grams
  direction: 'up' | 'down' | 'none';
};

export function contributionAdjustment(booked: Booked, actual: ActualOffset): Adjustment {
  const amountCents = actual.amountCents - booked.amountCents;
  const co2eGrams = actual.co2eGrams - booked.co2eGrams;
  return { amountCents, co2eGrams, direction: amountCents > 0 ? 'up' : amountCents < 0 ? 'down' : 'none' };
}

// What the ledger holds for a mission: its contribution, unless reversed.
export function bookedContribution(contribution: Booked | undefined, reversed: boolean): Booked {
  return contribution && !reversed ? { amountCents: contribution.amountCents, co2eGrams: contribution.co2eGrams } : { amountCents: 0, co2eGrams: 0 };
}

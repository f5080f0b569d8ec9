import { z } from 'zod';

// Same bounds as the table's CHECK constraints, so bad input is a 400 and never a constraint error.
export const carbonYearSchema = z.number().int().min(1990).max(2100);

export const setCarbonPriceSchema = z.object({
  year: carbonYearSchema,
  pricePerTonneCents: z.number().int().min(0).max(100_000_000),
  note: z.string().trim().max(500).nullish(),
  setBy: z.string().trim().min(1).max(200).nullish(),
});
export type SetCarbonPriceInput = z.input<typeof setCarbonPriceSchema>;

import { z } from 'zod';
import { decimal, optionalText } from '../ledger/ledger-pages.schemas.ts';
import { parseEurosToCents } from '../ledger/ledger-input.models.ts';

// Same bounds as the table's CHECK constraints, so bad input is a 400 and never a constraint error.
export const carbonYearSchema = z.number().int().min(1990).max(2100);

export const setCarbonPriceSchema = z.object({
  year: carbonYearSchema,
  pricePerTonneCents: z.number().int().min(0).max(100_000_000),
  note: z.string().trim().max(500).nullish(),
  setBy: z.string().trim().min(1).max(200).nullish(),
});
export type SetCarbonPriceInput = z.input<typeof setCarbonPriceSchema>;

// The admin sets year, price and note; who set it comes from the session, never from the body.
export const carbonPriceBody = z.strictObject(setCarbonPriceSchema.omit({ setBy: true }).shape);

// The /admin form as the browser sends it (strings, plus `_csrf`).
export const carbonPriceForm = z.object({
  year: z.string().trim().min(1).regex(/^\d{4}$/).transform(Number).pipe(carbonYearSchema),
  price: decimal(parseEurosToCents, 'ledger.error.price', 0, 100_000_000),
  note: optionalText(500),
});

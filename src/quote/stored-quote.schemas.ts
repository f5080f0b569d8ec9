import { z } from 'zod';
import { checkStoredJson, parseStoredJson } from '../shared/stored-json.ts';
import type { Quote } from './quote.usecases.ts';
import { quoteRequestSchema, type QuoteRequest } from './quote.schemas.ts';

// A quote as the engine answers it (the OpenAPI answer) and as missions and claims store it
// (quote_json), checked when read back (src/shared/stored-json.ts).
export const storedPlaceSchema = z.object({ kind: z.enum(['airport', 'city', 'coordinates']), label: z.string(), lat: z.number(), lon: z.number(), countryCode: z.string().nullable(), iata: z.string().optional(), city: z.string().optional() });
const provenance = z.object({ id: z.string(), label: z.string(), value: z.number(), unit: z.string(), source: z.string(), version: z.string() }).catchall(z.unknown());
const policyFlag = z.object({ code: z.string(), severity: z.enum(['info', 'warning', 'justification_required', 'blocking']), message: z.string(), legIndex: z.number().int().optional() });

export const storedQuoteSchema = z.object({
  factorSet: z.object({ id: z.string(), version: z.string() }),
  legs: z.array(z.object({ index: z.number().int(), mode: z.string(), from: storedPlaceSchema.nullable(), to: storedPlaceSchema.nullable(), distanceKm: z.number(), distanceMethod: z.string(), trips: z.number().int(), travelers: z.number().int(), co2eGrams: z.number().int(), factor: provenance, costCents: z.number().int() }).catchall(z.unknown())),
  totals: z.object({ co2eGrams: z.number().int(), costCents: z.number().int(), breakdown: z.object({ faresCents: z.number().int(), mileageCents: z.number().int(), perDiemCents: z.number().int(), offsetCents: z.number().int() }) }),
  offset: z.object({ required: z.boolean(), co2eGrams: z.number().int(), pricePerTonneCents: z.number().int(), amountCents: z.number().int(), year: z.number().int() }).catchall(z.unknown()),
  alternatives: z.array(z.object({ legIndex: z.number().int(), mode: z.enum(['train', 'visio']), available: z.boolean() }).catchall(z.unknown())),
  policy: z.array(policyFlag),
  justificationRequired: z.boolean(),
  blocked: z.boolean(),
});


// The parsed quote itself: the schema checks the fields the code reads and lets the rest through.
export function parseStoredQuote(json: string, what = 'stored quote'): Quote {
  return checkStoredJson(storedQuoteSchema, json, what) as Quote;
}

// A stored trip passed the request schema when it was written: it must pass it again.
export const parseStoredTrip = (json: string, what = 'stored trip'): QuoteRequest => parseStoredJson(quoteRequestSchema, json, what);

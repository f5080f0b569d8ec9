import { z } from 'zod';
import { cabins, carFuels, trainTypes, transitKinds, transportModes } from '../shared/modes.ts';

// Limits on everything: a quote is one trip, so bounds are generous for real use and tight for abuse.
export const MAX_LEGS = 50;
const MAX_DISTANCE_KM = 50_000;
const MAX_FARE_CENTS = 10_000_000; // 100 000 €
const isoInstant = z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date-time with offset, e.g. 2027-03-10T07:00:00+01:00' });

export const coordinatesSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

export const placeInputSchema = z.union([z.string().trim().min(2).max(120), coordinatesSchema]);

export const legSchema = z
  .strictObject({
    mode: z.enum(transportModes),
    from: placeInputSchema.optional(),
    to: placeInputSchema.optional(),
    distanceKm: z.number().positive().max(MAX_DISTANCE_KM).optional(),
    roundTrip: z.boolean().default(false),
    travelers: z.number().int().min(1).max(500).default(1),
    cabin: z.enum(cabins).optional(),
    fareCents: z.number().int().min(0).max(MAX_FARE_CENTS).optional(),
    trainType: z.enum(trainTypes).optional(),
    transitKind: z.enum(transitKinds).optional(),
    fuel: z.enum(carFuels).optional(),
    fiscalHorsepower: z.number().int().min(1).max(50).optional(),
    passengers: z.number().int().min(1).max(9).optional(),
    hours: z.number().positive().max(1000).optional(),
    contrails: z.boolean().optional(),
  })
  .superRefine((leg, ctx) => {
    if (leg.mode === 'visio') {
      if (leg.hours === undefined) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'a visio leg needs its duration in hours' });
      return;
    }
    const hasPlaces = leg.from !== undefined && leg.to !== undefined;
    if (!hasPlaces && leg.distanceKm === undefined) {
      ctx.addIssue({ code: 'custom', path: [leg.from === undefined ? 'from' : 'to'], message: 'give from and to, or distanceKm' });
    }
    if (leg.mode !== 'car' && (leg.fiscalHorsepower !== undefined || leg.passengers !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['mode'], message: 'fiscalHorsepower and passengers apply to a car leg only' });
    }
  });

export const quoteRequestSchema = z
  .strictObject({
    departAt: isoInstant.optional(),
    returnAt: isoInstant.optional(),
    destination: z
      .strictObject({
        country: z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code').transform((c) => c.toUpperCase()),
        city: z.string().trim().min(1).max(120).optional(),
      })
      .optional(),
    legs: z.array(legSchema).min(1).max(MAX_LEGS),
    contrails: z.boolean().default(true),
    factorSet: z.string().min(1).max(80).optional(),
    traveler: z
      .strictObject({
        category: z.enum(['staff', 'student']).default('staff'),
        kmDrivenThisYear: z.number().min(0).max(1_000_000).default(0),
      })
      .optional(),
    perDiem: z
      .strictObject({
        lodgingTier: z.enum(['base', 'large_city', 'paris']).optional(),
        disabledAgent: z.boolean().default(false),
        mealsProvided: z.number().int().min(0).max(2000).default(0),
        nightsProvided: z.number().int().min(0).max(1000).default(0),
      })
      .optional(),
  })
  .superRefine((q, ctx) => {
    if ((q.departAt === undefined) !== (q.returnAt === undefined)) {
      ctx.addIssue({ code: 'custom', path: [q.departAt === undefined ? 'departAt' : 'returnAt'], message: 'give both departAt and returnAt, or neither' });
    } else if (q.departAt && q.returnAt && Date.parse(q.returnAt) <= Date.parse(q.departAt)) {
      ctx.addIssue({ code: 'custom', path: ['returnAt'], message: 'returnAt must be after departAt' });
    } else if (q.departAt && q.returnAt && Date.parse(q.returnAt) - Date.parse(q.departAt) > 366 * 86_400_000) {
      ctx.addIssue({ code: 'custom', path: ['returnAt'], message: 'a mission lasts at most 366 days' });
    }
  });

export type QuoteRequest = z.output<typeof quoteRequestSchema>;
export type QuoteLegRequest = z.output<typeof legSchema>;

// The language of the answer's texts (`?lang=`); French unless asked.
export const quoteQuerySchema = z.object({ lang: z.enum(['fr', 'en']).default('fr') });

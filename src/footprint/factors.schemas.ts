import { z } from 'zod';
import { carFuels, trainTypes, transitKinds } from '../shared/modes.ts';

// The format of one file in emission-factors/. Every file is checked against it at load, so a typo
// in a factor file stops the server at start instead of mis-pricing a mission later.

const rowId = z.string().regex(/^[a-z][a-z0-9-]*(\.[A-Za-z0-9*-]+)*$/, 'dotted lower-case id, e.g. plane.short.contrails');
const text = z.string().trim().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const perPassengerKmUnits = ['kgCO2e/pkm', 'gCO2e/pkm'] as const;
export const perVehicleKmUnits = ['kgCO2e/vkm', 'gCO2e/vkm'] as const;
export const perHourUnits = ['kgCO2e/h', 'gCO2e/h'] as const;
export type FactorUnit = (typeof perPassengerKmUnits)[number] | (typeof perVehicleKmUnits)[number] | (typeof perHourUnits)[number];

// A distance band; the inclusive flags are explicit because the two ADEME series do not cut the
// same way: series A is "< 1000 | 1000–3500 | > 3500", series B is "≤ 1000 | 1001–2000 | ...".
export const bandSchema = z.strictObject({
  minKm: z.number().min(0),
  maxKm: z.number().positive().nullable(), // null: no upper bound
  minInclusive: z.boolean(),
  maxInclusive: z.boolean(),
});

// ISO 3166-1 alpha-2, or "*" for "any country not listed" (a documented fallback row).
export const countrySelector = z.string().regex(/^([A-Z]{2}|\*)$/, 'ISO 3166-1 alpha-2 code in upper case, or "*"');

const common = {
  id: rowId,
  label: text, // French, shown to travellers
  value: z.number().finite().min(0),
  source: text,
  sourceRef: text.nullable(), // e.g. "Base Carbone 28130" when the source gives an identifier
  version: text.optional(), // edition of the source for this row; the set's version otherwise
  licence: text.optional(), // when the row's source differs from the set's (DESNZ ferry)
  url: z.url().optional(),
  verified: z.boolean(), // false: NOT VERIFIED in the reference note; never shown as sourced
  notes: text.optional(),
  sameAsSet: text.optional(), // the value is copied from the row of the same id in that set (checked at load)
};

const passengerKm = z.enum(perPassengerKmUnits);

const planeRow = z.strictObject({ ...common, mode: z.literal('plane'), band: bandSchema, contrails: z.boolean(), unit: passengerKm });
const trainRow = z
  .strictObject({ ...common, mode: z.literal('train'), trainType: z.enum(trainTypes), country: countrySelector.optional(), unit: passengerKm })
  .refine((row) => (row.trainType === 'international') === (row.country !== undefined), {
    message: 'an international train row needs a country, and only it',
    path: ['country'],
  });
const transitRow = z.strictObject({ ...common, mode: z.literal('transit'), transitKind: z.enum(transitKinds), unit: passengerKm });
const carRow = z.strictObject({ ...common, mode: z.literal('car'), fuel: z.enum(carFuels), unit: z.enum(perVehicleKmUnits) });
const plainRow = z.strictObject({ ...common, mode: z.literal(['bus', 'ferry', 'bike', 'walk']), unit: passengerKm });
const visioRow = z.strictObject({ ...common, mode: z.literal('visio'), unit: z.enum(perHourUnits) });

export const factorRowSchema = z.discriminatedUnion('mode', [planeRow, trainRow, transitRow, carRow, plainRow, visioRow]);

export const factorSetFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case id, the file name without .json'),
  label: text,
  source: text,
  version: text, // edition of this file; bump it whenever a row changes (saved missions keep it)
  licence: text,
  dateChecked: isoDate,
  url: z.url().optional(),
  notes: text.optional(),
  rows: z.array(factorRowSchema).min(1).max(500),
});

export type FactorBand = z.output<typeof bandSchema>;
export type FactorRow = z.output<typeof factorRowSchema>;
export type FactorSetFile = z.output<typeof factorSetFileSchema>;

import ratesFile from './data/per-diem-rates.json' with { type: 'json' };
import { costErrors } from './costs.errors.ts';
import { PARIS_ZONE } from '../shared/clock.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { assertMissionSpanMs, assertZone, dateInWindow, instantMillis, type InstantInput } from './dates.models.ts';
import { coveredSlotsMs, defaultSlotProfile } from './slots.models.ts';
import type { SlotProfile } from './slots.schemas.ts';
import { perDiemOptionsSchema, perDiemRatesFileSchema, type LodgingTier, type PerDiemRateTable } from './per-diem.schemas.ts';

export const perDiemRateTables: readonly PerDiemRateTable[] = parseOrThrow(perDiemRatesFileSchema, ratesFile, 'per-diem-rates.json').tables;

export type PerDiemInput = {
  departAt: InstantInput; // ISO 8601 with offset: when the mission starts (door or ticket time + margin)
  returnAt: InstantInput;
  zone?: string; // where the traveller is; slots are counted on this wall clock
  lodgingTier: LodgingTier;
  disabledAgent?: boolean;
  mealsProvided?: number; // free meals: nothing due for them
  nightsProvided?: number; // free lodging: nothing due
  staffRestaurantMeals?: number; // meals where a staff restaurant was available: reduced rate
};

export type PerDiemLine = { kind: 'meal' | 'night'; slot: string; date: string; rateCents: number; rateTableId: string; staffRestaurant: boolean };

export type PerDiemResult = {
  meals: number;
  nights: number;
  mealsDue: number; // slots covered, before free meals and nights are taken off
  nightsDue: number;
  amountCents: number;
  profileId: string;
  lines: PerDiemLine[];
};

export function perDiemRateTableFor(date: string, tables: readonly PerDiemRateTable[] = perDiemRateTables): PerDiemRateTable {
  const table = tables.find((t) => dateInWindow(date, t.effectiveFrom, t.effectiveTo));
  if (!table) {
    const earliest = tables.map((t) => t.effectiveFrom).sort()[0];
    throw costErrors.perDiemDateUnsupported({ date, earliest: earliest ?? '' }, [
      { path: 'departAt', message: `rates are known from ${earliest}` },
    ]);
  }
  return table;
}

// Meals and nights of a mission in metropolitan France. Each slot is paid at the rate in force on
// its own date, so a mission across 22/09/2023 mixes both tables. Free meals and nights, then the
// staff-restaurant meals, are taken in chronological order (the first ones of the mission).
export function perDiem(input: PerDiemInput, profile: SlotProfile = defaultSlotProfile, tables: readonly PerDiemRateTable[] = perDiemRateTables): PerDiemResult {
  const departAtMs = instantMillis(input.departAt, 'departAt');
  const returnAtMs = instantMillis(input.returnAt, 'returnAt');
  const options = parseOrThrow(perDiemOptionsSchema, { ...input, zone: input.zone ?? PARIS_ZONE }, 'per diem input');
  assertZone(options.zone, 'zone');
  assertMissionSpanMs(departAtMs, returnAtMs);

  const slots = coveredSlotsMs(departAtMs, returnAtMs, options.zone, profile);
  const lines: PerDiemLine[] = [];
  let mealsDue = 0;
  let nightsDue = 0;
  let reducedLeft = options.staffRestaurantMeals;
  for (const s of slots) {
    const table = perDiemRateTableFor(s.date, tables);
    if (s.kind === 'night') {
      if (nightsDue++ < options.nightsProvided) continue;
      const rateCents = options.disabledAgent ? table.disabledAgentLodgingCents : table.lodgingCents[options.lodgingTier];
      lines.push({ kind: 'night', slot: s.slot, date: s.date, rateCents, rateTableId: table.id, staffRestaurant: false });
      continue;
    }
    if (mealsDue++ < options.mealsProvided) continue;
    const staffRestaurant = reducedLeft > 0;
    if (staffRestaurant) reducedLeft -= 1;
    lines.push({ kind: 'meal', slot: s.slot, date: s.date, rateCents: mealRateCents(table, staffRestaurant, profile), rateTableId: table.id, staffRestaurant });
  }
  const meals = lines.filter((l) => l.kind === 'meal').length;
  return {
    meals,
    nights: lines.length - meals,
    mealsDue,
    nightsDue,
    amountCents: lines.reduce((sum, l) => sum + l.rateCents, 0),
    profileId: profile.id,
    lines,
  };
}

// Half of 17,50 € or 20 € is a whole number of cents; another percentage rounds half up per meal.
function mealRateCents(table: PerDiemRateTable, staffRestaurant: boolean, profile: SlotProfile): number {
  if (!staffRestaurant) return table.mealCents;
  return Math.floor((table.mealCents * profile.staffRestaurantMealPercent + 50) / 100);
}

import { buildDeps, loadSettings, type AppDeps } from '../../src/deps.ts';
import { testConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { engineDatabase } from '../helpers/db.ts';
import { select } from '../helpers/sql.ts';
import { importMissionsCsv, type ImportOptions } from '../../src/reports/import.usecases.ts';

// Composition root on a fresh database of the test's engine, "now" pinned in 2026 (the place index is
// shared per process), carbon prices loaded as the server does before listening.
export async function reportDeps(): Promise<AppDeps> {
  const deps = buildDeps({ config: testConfig(), database: await engineDatabase(), clock: fixedClock('2026-11-27T10:00:00Z'), logError: () => {} });
  await loadSettings(deps);
  return deps;
}

export const runImport = (deps: AppDeps, text: string, options: Partial<ImportOptions> = {}) => importMissionsCsv(deps, text, { fileName: 'test.csv', ...options });

export type TripRow = { source_line: number; mode: string; distance_km: number; trips: number; travelers: number; co2e_grams: number; factor_id: string; from_country: string | null; to_country: string | null; row_key: string; traveller_category: string; purpose: string; entity_label: string | null; car_people: number | null; cost_cents: number | null; year: number; depart_on: string; mission_ref: string | null; transit_kind: string | null };

export const trips = (deps: AppDeps): Promise<TripRow[]> => select<TripRow>(deps.database, 'SELECT * FROM historical_trips ORDER BY id');

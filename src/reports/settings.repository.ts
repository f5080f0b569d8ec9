import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { parseStoredJson } from '../shared/stored-json.ts';
import type { Db } from '../shared/db.ts';
import { reportSettings } from './reports.table.ts';
import { defaultSettings, type FlightTarget, type ReportSettings } from './settings.models.ts';
import { first, tablesByDialect } from '../shared/dialect.ts';
import * as pg from './reports.pg-table.ts';

const tables = tablesByDialect({ reportSettings }, pg);

type Row = typeof reportSettings.$inferSelect;
const storedTargets = z.array(z.object({ year: z.number().int(), reductionPercent: z.number() }));

const toSettings = (row: Row): ReportSettings => ({
  referenceYear: row.referenceYear,
  ghgReductionPercentPerYear: row.ghgReductionPercentPerYear,
  flightTargets: parseStoredJson(storedTargets, row.flightTargetsJson, 'copil settings flight targets') satisfies FlightTarget[],
  setAt: row.setAt,
  setBy: row.setBy,
});

// The latest row is in force; none yet means the defaults.
export async function currentSettings(db: Db): Promise<ReportSettings> {
  const { reportSettings } = tables(db);
  const row = first(await db.select().from(reportSettings).orderBy(desc(reportSettings.id)).limit(1));
  return row ? toSettings(row) : defaultSettings;
}

export async function settingsHistory(db: Db, limit = 50): Promise<ReportSettings[]> {
  const { reportSettings } = tables(db);
  return (await db.select().from(reportSettings).orderBy(desc(reportSettings.id)).limit(limit)).map(toSettings);
}

export async function insertSettings(db: Db, settings: Omit<ReportSettings, 'setAt' | 'setBy'> & { setAt: string; setBy: string | null }): Promise<void> {
  const { reportSettings } = tables(db);
  const flightTargets = [...settings.flightTargets].sort((a, b) => a.year - b.year);
  await db.insert(reportSettings)
    .values({ referenceYear: settings.referenceYear, ghgReductionPercentPerYear: settings.ghgReductionPercentPerYear, flightTargetsJson: JSON.stringify(flightTargets), setAt: settings.setAt, setBy: settings.setBy });
}

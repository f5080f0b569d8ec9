import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { parseStoredJson } from '../shared/stored-json.ts';
import type { Db } from '../shared/db.ts';
import { reportSettings } from './reports.table.ts';
import { defaultSettings, type FlightTarget, type ReportSettings } from './settings.models.ts';

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
  const row = db.select().from(reportSettings).orderBy(desc(reportSettings.id)).limit(1).get();
  return row ? toSettings(row) : defaultSettings;
}

export async function settingsHistory(db: Db, limit = 50): Promise<ReportSettings[]> {
  return db.select().from(reportSettings).orderBy(desc(reportSettings.id)).limit(limit).all().map(toSettings);
}

export async function insertSettings(db: Db, settings: Omit<ReportSettings, 'setAt' | 'setBy'> & { setAt: string; setBy: string | null }): Promise<void> {
  const flightTargets = [...settings.flightTargets].sort((a, b) => a.year - b.year);
  db.insert(reportSettings)
    .values({ referenceYear: settings.referenceYear, ghgReductionPercentPerYear: settings.ghgReductionPercentPerYear, flightTargetsJson: JSON.stringify(flightTargets), setAt: settings.setAt, setBy: settings.setBy })
    .run();
}

import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import type { ReportSettings } from './settings.models.ts';
import { currentSettings, insertSettings, settingsHistory } from './settings.repository.ts';

// The copil's settings (reference year, reduction rate, flight targets): a new row per change, so the
// history shows who set what and when.
type SettingsDeps = { database: Database; clock: Clock };

export const reportSettings = (deps: Pick<SettingsDeps, 'database'>): Promise<ReportSettings> => currentSettings(deps.database.db);

export const reportSettingsHistory = (deps: Pick<SettingsDeps, 'database'>, limit?: number): Promise<ReportSettings[]> => settingsHistory(deps.database.db, limit);

export async function setReportSettings(deps: SettingsDeps, settings: Omit<ReportSettings, 'setAt' | 'setBy'>, actorId: string): Promise<ReportSettings> {
  await insertSettings(deps.database.db, { ...settings, setAt: deps.clock.now().toUTC().toISO()!, setBy: actorId });
  return await currentSettings(deps.database.db);
}

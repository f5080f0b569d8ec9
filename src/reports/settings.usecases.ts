import type { Clock } from '../shared/clock.ts';
import type { DbHandle } from '../shared/db.ts';
import type { ReportSettings } from './settings.models.ts';
import { currentSettings, insertSettings, settingsHistory } from './settings.repository.ts';

// The copil's settings (reference year, reduction rate, flight targets): a new row per change, so the
// history shows who set what and when.
type SettingsDeps = { database: DbHandle; clock: Clock };

export const reportSettings = (deps: Pick<SettingsDeps, 'database'>): ReportSettings => currentSettings(deps.database.db);

export const reportSettingsHistory = (deps: Pick<SettingsDeps, 'database'>, limit?: number): ReportSettings[] => settingsHistory(deps.database.db, limit);

export function setReportSettings(deps: SettingsDeps, settings: Omit<ReportSettings, 'setAt' | 'setBy'>, actorId: string): ReportSettings {
  insertSettings(deps.database.db, { ...settings, setAt: deps.clock.now().toUTC().toISO()!, setBy: actorId });
  return currentSettings(deps.database.db);
}

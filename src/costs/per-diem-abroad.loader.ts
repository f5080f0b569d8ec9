import { readFileSync } from 'node:fs';
import { costErrors } from './costs.errors.ts';
import type { PerDiemAbroadRow } from './per-diem-abroad.schemas.ts';
import { parsePerDiemAbroadRows, perDiemAbroadRows, withExtraAbroadRows } from './per-diem-abroad-rates.models.ts';

// Reads extra per-diem rows (same schema as data/per-diem-abroad.json) at start-up. The only I/O of
// the cost rules lives here so that the models stay pure; call it once and pass the rows on.
export function loadPerDiemAbroadRows(path: string): PerDiemAbroadRow[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw costErrors.ratesFileUnreadable({ path, reason }, [{ path, message: reason }]);
  }
  return parsePerDiemAbroadRows(json, path);
}

// The shipped rows plus, when a file is given, its rows (a clash with a shipped row is refused).
export function perDiemAbroadTable(extraPath?: string): PerDiemAbroadRow[] {
  return extraPath ? withExtraAbroadRows(perDiemAbroadRows, loadPerDiemAbroadRows(extraPath)) : [...perDiemAbroadRows];
}

import { stringify } from 'csv-stringify/sync';
import { neutraliseCsvCell } from '../ledger/ledger-format.models.ts';
import type { RowError } from './import.usecases.ts';

// The bad rows of an import, for a French spreadsheet (UTF-8 BOM, `;`): line, field, code and reason,
// then the row's own cells under the file's own header. The diagnostic columns are not import fields,
// so the corrected error file can be imported as it is.
export function importErrorsCsv(errors: RowError[], header: string[]): string {
  const columns = ['ligne', 'champ', 'code', 'motif', ...header];
  const records = errors.map((e) => [String(e.line), e.field, e.code, neutraliseCsvCell(e.reason), ...header.map((_, i) => neutraliseCsvCell(e.fields[i] ?? ''))]);
  return stringify(records, { delimiter: ';', bom: true, header: true, columns, record_delimiter: 'windows', quoted_match: /;|"|\n|\r/ });
}

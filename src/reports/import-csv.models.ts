import { parse, type Options } from 'csv-parse/sync';
import { importErrors } from './reports.errors.ts';

// Reading a CSV into records, each with the line of the file it starts on (for error reports).

export const separators = ['\t', ';', ','] as const;
export type Separator = (typeof separators)[number];

export type CsvRecord = { line: number; fields: string[] };
// Records are split on demand (`record(i)`, null for a blank line): at 100,000 rows, holding every
// row's cells at once would push them all into the old generation of the heap for nothing.
export type CsvTable = { separator: Separator; header: CsvRecord; size: number; record(index: number): CsvRecord | null };

// The separator that occurs most often in the header line, counting outside quotes: GES 1point5
// writes tabs and has a comma inside one column name; French spreadsheets write `;`. Ties go to the
// earlier of tab, `;`, `,`.
export function detectSeparator(text: string): Separator {
  const counts = new Map<Separator, number>(separators.map((s) => [s, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c as Separator)) counts.set(c as Separator, counts.get(c as Separator)! + 1);
  }
  let best: Separator = ',';
  let bestCount = 0;
  for (const s of separators) {
    if (counts.get(s)! > bestCount) {
      best = s;
      bestCount = counts.get(s)!;
    }
  }
  return best;
}

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

// Without a double quote in the file, RFC 4180 fields cannot hold a separator or a line break: a
// plain split gives exactly what csv-parse gives (test/reports/import-ges1point5.test.ts checks it
// on random tables) at several times the speed, which the import benchmark needs.
function plainTable(text: string, separator: Separator): CsvTable | null {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop(); // the file's last line break ends a line, it opens none
  const recordOf = (index: number): CsvRecord | null => {
    let raw = lines[index]!;
    if (raw.charCodeAt(raw.length - 1) === 13) raw = raw.slice(0, -1);
    if (raw.length === 0) return null;
    const record = { line: index + 1, fields: raw.split(separator) };
    // A line starting with a printable character other than the separator is not blank.
    const first = raw.charCodeAt(0);
    return first > 32 && raw[0] !== separator ? record : isBlank(record) ? null : record;
  };
  let first = 0;
  let header: CsvRecord | null = null;
  while (first < lines.length && (header = recordOf(first)) === null) first += 1;
  if (!header) return null;
  const offset = first + 1;
  return { separator, header, size: lines.length - offset, record: (i) => recordOf(offset + i) };
}

// A line of separators only (spreadsheets pad with them) is blank too.
const isBlank = (r: CsvRecord): boolean => !r.fields.some((f) => f.trim() !== '');

function parseQuoted(text: string, separator: Separator): CsvRecord[] {
  try {
    const options: Options<CsvRecord, string[]> = {
      delimiter: separator,
      relax_column_count: true,
      skip_empty_lines: true,
      // `lines` is the line a record ends on: minus the line breaks inside its fields, where it starts.
      on_record: (fields, context) => ({ line: context.lines - countBreaks(fields), fields }),
    };
    return parse(text, options as unknown as Options) as unknown as CsvRecord[];
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    throw (e.lines ? importErrors.malformedCsvAt : importErrors.malformedCsv)({ line: e.lines ?? 0, reason: e.message ?? 'syntax error' }, [{ path: 'file', message: e.message ?? 'syntax error' }]);
  }
}

function countBreaks(fields: string[]): number {
  let n = 0;
  for (const f of fields) for (let i = f.indexOf('\n'); i !== -1; i = f.indexOf('\n', i + 1)) n += 1;
  return n;
}

export function readCsv(input: string, options: { forceCsvParse?: boolean } = {}): CsvTable {
  const text = stripBom(input);
  const separator = detectSeparator(text);
  const table = !options.forceCsvParse && !text.includes('"') ? plainTable(text, separator) : quotedTable(text, separator);
  if (!table) throw importErrors.emptyFile({}, [{ path: 'file', message: 'empty' }]);
  return table;
}

function quotedTable(text: string, separator: Separator): CsvTable | null {
  const [header, ...records] = parseQuoted(text, separator).filter((r) => !isBlank(r));
  return header ? { separator, header, size: records.length, record: (i) => records[i] ?? null } : null;
}

// Every non-blank record after the header (tests and small files).
export function allRecords(table: CsvTable): CsvRecord[] {
  const records: CsvRecord[] = [];
  for (let i = 0; i < table.size; i++) {
    const record = table.record(i);
    if (record) records.push(record);
  }
  return records;
}
